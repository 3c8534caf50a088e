/** `--network` names and their passphrases. */
import { Networks } from '@stellar-ducklake/extract';

/** Network names accepted by `--network`. */
export const networkNames = ['pubnet', 'testnet', 'futurenet'] as const;

/** A `--network` name. */
export type NetworkName = (typeof networkNames)[number];

/** Passphrase of a named network. */
export function passphraseOf(name: NetworkName): string {
  return name === 'pubnet' ? Networks.PUBNET : name === 'testnet' ? Networks.TESTNET : Networks.FUTURENET;
}

/** The network name of a passphrase, or `custom`. */
export function nameOfPassphrase(passphrase: string): NetworkName | 'custom' {
  return networkNames.find((n) => passphraseOf(n) === passphrase) ?? 'custom';
}
