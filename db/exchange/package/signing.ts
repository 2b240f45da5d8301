/**
 * The ledger's package-signing key: an Ed25519 key pair made on the first export and kept in the
 * ledger's settings. A package carries the public key and a signature of its manifest, so any
 * change to the manifest (and, through its digests, to any data file) breaks the signature.
 * Limits (docs/PACKAGE.md): whoever holds the ledger file holds the key; a forger can sign with a
 * key of their own, which shows as a different fingerprint — compare it out of band.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Ledger } from '../../ledger';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { inTransaction, nowIso } from '../../shared/tx';

export const SIGNING_SETTING = 'exchange.signing_key';

interface StoredKey {
  privateKeyPem: string;
  /** SPKI DER, base64. */
  publicKey: string;
  createdAt: string;
}

export interface ManifestSignature {
  algorithm: 'Ed25519';
  publicKey: string;
  keyFingerprint: string;
  /** Over the exact bytes of manifest.json, base64. */
  signature: string;
}

/** SHA-256 of the public key (SPKI DER), hex in groups of four. */
export function fingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').match(/.{4}/g)!.join(' ');
}

function stored(ledger: Ledger): StoredKey | null {
  const raw = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SIGNING_SETTING) as string | undefined;
  return raw ? (JSON.parse(raw) as StoredKey) : null;
}

/** The ledger's key fingerprint, or null before the first package was made. */
export function ledgerKeyFingerprint(ledger: Ledger): string | null {
  const k = stored(ledger);
  return k ? fingerprint(k.publicKey) : null;
}

/** The ledger's key, made (and audited) on first use. */
export function ensureSigningKey(ledger: Ledger, actor: Actor): StoredKey {
  return inTransaction(ledger, () => {
    const existing = stored(ledger);
    if (existing) return existing;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key: StoredKey = {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      createdAt: nowIso(),
    };
    ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(SIGNING_SETTING, JSON.stringify(key));
    appendAudit(ledger, actor, { entity: 'setting', entityId: SIGNING_SETTING, action: 'create', after: { publicKey: key.publicKey, keyFingerprint: fingerprint(key.publicKey) } });
    return key;
  });
}

export function signManifest(key: StoredKey, manifest: Buffer): ManifestSignature {
  return {
    algorithm: 'Ed25519',
    publicKey: key.publicKey,
    keyFingerprint: fingerprint(key.publicKey),
    signature: sign(null, manifest, createPrivateKey(key.privateKeyPem)).toString('base64'),
  };
}

/** Whether the signature is the stated key's signature of these manifest bytes. */
export function signatureValid(sig: ManifestSignature, manifest: Buffer): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(sig.publicKey, 'base64'), format: 'der', type: 'spki' });
    return sig.algorithm === 'Ed25519' && verify(null, manifest, key, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}
