import { z } from 'zod';
import { id } from '../../shared/zod';
import { PARTS } from './tables';

export const PACKAGE_FILE = /^package-[0-9A-Za-z-]{1,80}\.tar$/;

export const exportPackageInput = z.object({
  /** Absent: the whole county. */
  villageId: id.optional(),
  parts: z.array(z.enum(PARTS)).min(1).default([...PARTS]),
});

export const packageName = z.object({ fileName: z.string().max(100).regex(PACKAGE_FILE, 'Not a package file name') });

/** A package to verify: one in the packages folder, or an uploaded file (base64). */
export const verifyInput = z.union([
  z.object({ fileName: z.string().trim().min(1).max(200), base64: z.string().min(1) }),
  packageName,
]);
