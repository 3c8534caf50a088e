/**
 * Stellar network passphrases. The passphrase enters every transaction hash, so extraction needs
 * the one of the network the ledger was closed on.
 */

/** Network passphrases of the public Stellar networks. */
export const Networks = {
  /** Mainnet. */
  PUBNET: 'Public Global Stellar Network ; September 2015',
  /** SDF testnet. */
  TESTNET: 'Test SDF Network ; September 2015',
  /** SDF futurenet. */
  FUTURENET: 'Test SDF Future Network ; October 2022',
} as const;

/** One of the {@link Networks} passphrases. */
export type NetworkPassphrase = (typeof Networks)[keyof typeof Networks];

/** The name (`PUBNET`, …) of a known passphrase, or undefined. */
export function networkName(passphrase: string): keyof typeof Networks | undefined {
  for (const [name, value] of Object.entries(Networks)) {
    if (value === passphrase) return name as keyof typeof Networks;
  }
  return undefined;
}
