import type { ReactNode } from 'react';
import { PrintCenter } from './PrintCenter';
import { VerifyPrint } from './VerifyPrint';
import { PrintRegister } from './PrintRegister';

/** #/certificates/print (default), #/certificates/verify[?serial=…], #/certificates/register. */
export function certificatesPage(sub: string | undefined): ReactNode {
  if (sub === 'verify') return <VerifyPrint />;
  if (sub === 'register') return <PrintRegister />;
  return <PrintCenter />;
}
