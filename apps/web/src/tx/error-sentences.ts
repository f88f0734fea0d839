// What each contract error means to the person who pressed the button, and what they can do next.
// One sentence per custom error of every Tessera contract (a unit test fails when one is missing).
// Arguments arrive decoded, in the error's order; amounts are raw units, so sentences avoid them.
import { shortenHex } from "@/lib/format";

type Args = readonly unknown[];
type Sentence = string | ((args: Args) => string);

const id = (value: unknown) => `#${String(value)}`;
const who = (value: unknown) => (typeof value === "string" ? shortenHex(value, 4, 4) : "this account");

const TRY_AGAIN = "Reload the page and try again; if it keeps happening, contact Tessera support.";
const PAUSED = "Tessera is paused for maintenance. Your funds are safe; try again later.";

export const ERROR_SENTENCES: Readonly<Record<string, Sentence>> = {
  // AssetRegistry
  AssetRegistryEmptyMetadataURI: "The model card is missing. Upload the card before publishing.",
  AssetRegistryInvalidParent: (a) =>
    `Asset ${id(a[0])} cannot be a parent of this one (it does not exist, or it is this asset). Check the lineage.`,
  AssetRegistryNotAssetOwner: (a) =>
    `Only the owner of asset ${id(a[0])} can do this, and the connected account (${who(a[1])}) is not. Switch to the owner's account.`,
  AssetRegistryTooManyParents: (a) =>
    `An asset can name at most ${String(a[1])} parents; this one names ${String(a[0])}. Remove some from the lineage.`,
  AssetRegistryUnknownAsset: (a) => `Asset ${id(a[0])} does not exist on this chain. Check the link.`,
  AssetRegistryUnknownVersion: (a) =>
    `Asset ${id(a[0])} has no version ${String(a[1])}. Pick a published version.`,
  AssetRegistryUpstreamTooHigh: (a) =>
    `The parents' shares add up to ${bps(a[0])}, more than the ${bps(a[1])} allowed. Lower the upstream shares.`,
  AssetRegistryZeroContentHash: "The artifact's content hash is missing. Upload the artifact again.",
  ERC721IncorrectOwner: (a) =>
    `${who(a[0])} does not own token ${id(a[1])}. Refresh the page to see its owner.`,
  ERC721InsufficientApproval: (a) =>
    `The connected account may not move token ${id(a[1])}. Ask its owner to approve you, or use the owner's account.`,
  ERC721InvalidApprover: "This account cannot approve others for that token. Use the owner's account.",
  ERC721InvalidOperator: "That address cannot be made an operator. Check the address.",
  ERC721InvalidOwner: "That address cannot own tokens. Check the address.",
  ERC721InvalidReceiver: (a) => `${who(a[0])} cannot receive this token. Send it to another address.`,
  ERC721InvalidSender: "This token cannot be sent from that address.",
  ERC721NonexistentToken: (a) => `Token ${id(a[0])} does not exist. Refresh the page.`,

  // LicenseManager
  AccessControlBadConfirmation:
    "The role change was not confirmed by the same account. Use the account that holds the role.",
  AccessControlUnauthorizedAccount: (a) =>
    `The connected account (${who(a[0])}) does not have the role this needs. Use an account that has it.`,
  AccountBalanceOverflow: "This account holds too many licenses to receive another. Use another account.",
  BalanceQueryForZeroAddress: "The empty address has no licenses. Check the address.",
  EnforcedPause: PAUSED,
  ExpectedPause: "This can only be done while Tessera is paused.",
  FailedCall: `A payment inside this transaction failed. ${TRY_AGAIN}`,
  InsufficientBalance: "The contract does not hold enough to make this payment. Try a smaller amount.",
  LicenseManagerAboveMaxTotal: "The price is higher than the limit you set. Check the price and try again.",
  LicenseManagerAlreadyDelegated: (a) =>
    `${who(a[1])} already has a seat on license ${id(a[0])}. Nothing to do.`,
  LicenseManagerExpiryOverflow:
    "That many periods would run the license past the latest date it can record. Choose fewer periods.",
  LicenseManagerCurrencyNotAllowed: (a) =>
    `Payments in ${who(a[0])} are not accepted on Tessera. Choose ETH or an accepted stablecoin.`,
  LicenseManagerFeeAboveCap: (a) =>
    `The fee ${bps(a[0])} is above the cap of ${bps(a[1])}. Choose a lower fee.`,
  LicenseManagerInvalidQuantity:
    "The number of seats or periods is not allowed (zero, or too many). Choose at least one seat and one period.",
  LicenseManagerNoFreeSeat: (a) =>
    `All ${String(a[1])} seats of license ${id(a[0])} are given. Take a seat back from someone, or buy more seats.`,
  LicenseManagerNotAssetOwner: (a) =>
    `Only the owner of asset ${id(a[0])} can manage its offers, and the connected account (${who(a[1])}) is not. Switch to the owner's account.`,
  LicenseManagerNotDelegated: (a) => `${who(a[1])} has no seat on license ${id(a[0])}. Nothing to take back.`,
  LicenseManagerNotHolder: (a) =>
    `The connected account (${who(a[1])}) does not hold license ${id(a[0])}. Switch to the account that bought it.`,
  LicenseManagerNotShares: "Only the royalty-share contract can do this.",
  LicenseManagerOfferRetired: (a) =>
    `Offer ${id(a[0])} has been withdrawn by its builder. Choose another offer on the asset's page.`,
  LicenseManagerPerpetual: (a) => `License ${id(a[0])} never expires, so it needs no renewal.`,
  LicenseManagerRightsOutOfRange:
    "An offer must grant at least one usage right, and only research, clinical, commercial or training. Tick the rights again.",
  LicenseManagerSoldOut: (a) =>
    `Offer ${id(a[0])} is sold out (all ${String(a[1])} licenses are taken). Choose another offer.`,
  LicenseManagerSoulbound: (a) =>
    `License ${id(a[0])} cannot be transferred: its terms tie it to the account that bought it.`,
  LicenseManagerTokenShortfall:
    "The payment token delivered less than the price (it may charge a transfer fee). Pay in another currency.",
  LicenseManagerTooManyOffers: "No more offers can be created on this deployment. Contact Tessera support.",
  LicenseManagerUnknownLicense: (a) => `License ${id(a[0])} does not exist. Refresh the page.`,
  LicenseManagerUnknownOffer: (a) => `Offer ${id(a[0])} does not exist. Refresh the asset's page.`,
  LicenseManagerUnknownVersion: (a) =>
    `Asset ${id(a[0])} has no version ${String(a[1])}. Pick a published version.`,
  LicenseManagerWrongValue:
    "The amount of ETH sent does not match the price. Refresh the page to get the current price and try again.",
  LicenseManagerZeroPrice: "An offer needs a price above zero. Enter a price.",
  LicenseManagerZeroRecipient: "The license needs a recipient. Enter the account that should hold it.",
  LicenseManagerZeroTreasury: "The treasury needs an address. Enter the account that should receive fees.",
  NotOwnerNorApproved:
    "Only the license's holder (or someone they approved) can move it. Switch to the holder's account.",
  ReentrancyGuardReentrantCall: `The transaction was refused as unsafe. ${TRY_AGAIN}`,
  SafeERC20FailedOperation: (a) =>
    `The token ${who(a[0])} refused the transfer: check your balance and try again.`,
  TokenAlreadyExists: `That license already exists. ${TRY_AGAIN}`,
  TokenDoesNotExist: "That license does not exist. Refresh the page.",
  TransferFromIncorrectOwner: "The sending account does not hold that license. Refresh the page.",
  TransferToNonERC721ReceiverImplementer:
    "The receiving contract cannot hold licenses. Send it to a wallet address instead.",
  TransferToZeroAddress: "A license cannot be sent to the empty address. Enter a recipient.",

  // RoyaltyShares
  ERC1155InsufficientBalance: (a) =>
    `${who(a[0])} holds fewer royalty shares than that. Enter at most what you hold.`,
  ERC1155InvalidApprover: "That account cannot approve others. Use the holder's account.",
  ERC1155InvalidArrayLength: `The request was malformed. ${TRY_AGAIN}`,
  ERC1155InvalidOperator: "That address cannot be made an operator. Check the address.",
  ERC1155InvalidReceiver: (a) => `${who(a[0])} cannot receive royalty shares. Send them to a wallet address.`,
  ERC1155InvalidSender: "Shares cannot be sent from that address.",
  ERC1155MissingApprovalForAll: (a) =>
    `${who(a[0])} may not move ${who(a[1])}'s shares. Use the holder's account.`,
  RoyaltySharesAlreadyMinted: (a) => `Royalty shares for asset ${id(a[0])} were already created.`,
  RoyaltySharesCreditOverflow:
    "This asset's revenue reached the limit the ledger can hold. Contact Tessera support.",
  RoyaltySharesInvalidSplit: "The contributors' shares must add up to 100%. Adjust the split.",
  RoyaltySharesLengthMismatch: "Each contributor needs exactly one share amount. Check the split.",
  RoyaltySharesNotVault: "Only Tessera's payment contract can do this.",
  RoyaltySharesTooManyCurrencies: (a) =>
    `At most ${String(a[0])} currencies can be claimed at once. Claim fewer at a time.`,
  RoyaltySharesUntrackedCurrency: (a) =>
    `No revenue has ever been paid in ${who(a[0])}, so there is nothing to claim in it. Remove it from the claim.`,
  RoyaltySharesVaultAlreadySet: "The payment contract is already set.",
  RoyaltySharesZeroVault: "The payment contract needs an address. Enter the LicenseManager's address.",
  RoyaltySharesZeroAmount: "There is nothing to claim right now. Come back after the next sale.",
  RoyaltySharesZeroRecipient: "The payout needs a recipient. Enter the account that should receive it.",

  // StakingPool
  SafeCastOverflowedUintDowncast: "That amount is too large. Enter a smaller amount.",
  SafeCastOverflowedUintToInt: "That amount is too large. Enter a smaller amount.",
  StakingPoolArrayLengthMismatch: `The request was malformed. ${TRY_AGAIN}`,
  StakingPoolAssetFrozen: (a) =>
    `Asset ${id(a[0])} has an open challenge, so staking and withdrawing wait until the arbiter decides or the challenge lapses at its deadline. Try again then.`,
  StakingPoolAssetIdOutOfRange: (a) => `Asset ${id(a[0])} cannot be staked on. Check the asset.`,
  StakingPoolBondTooSmall:
    "The challenge bond is below the minimum. Raise the bond to at least the minimum shown.",
  StakingPoolBpsAboveCap: (a) => `${bps(a[0])} is above the cap of ${bps(a[1])}. Choose a lower value.`,
  StakingPoolChallengeAlreadyOpen: (a) =>
    `Asset ${id(a[0])} is already under challenge ${id(a[1])}. Add your evidence there, or wait until it is closed.`,
  StakingPoolChallengeClosed: (a) => `Challenge ${id(a[0])} has already been decided or has lapsed.`,
  StakingPoolChallengeExpired: (a) =>
    `Challenge ${id(a[0])} passed its deadline without a decision. It can only lapse now; anyone can close it.`,
  StakingPoolChallengeNotExpired: (a) =>
    `Challenge ${id(a[0])} has not reached its deadline yet, so only the arbiter can close it. Try again after the deadline.`,
  StakingPoolChallengePeriodOutOfRange:
    "That challenge period is too short or too long. Choose between 1 and 90 days.",
  StakingPoolEntryNotMatured:
    "This stake is still unbonding. You can withdraw it once the countdown shown ends.",
  StakingPoolEthAmountMismatch: "The amount of ETH sent does not match. Refresh the page and try again.",
  StakingPoolInsufficientStake:
    "You have less stake on this asset than that. Enter at most your current stake.",
  StakingPoolNoStakers: (a) => `Nobody stakes on asset ${id(a[0])} yet, so there is no one to reward.`,
  StakingPoolNotEntryOwner:
    "That unbonding stake belongs to another account. Switch to the account that staked.",
  StakingPoolTooManyRewardCurrencies: "This asset already pays rewards in the most currencies it can.",
  StakingPoolTransferAmountMismatch:
    "The token delivered less than the amount (it may charge a transfer fee). Use another token.",
  StakingPoolUnbondingDelayAboveCap: "That unbonding delay is longer than allowed. Choose a shorter one.",
  StakingPoolUnknownAsset: (a) =>
    `Asset ${id(a[0])} is not registered on Tessera, so it cannot be challenged. Check the asset.`,
  StakingPoolUnknownChallenge: (a) => `Challenge ${id(a[0])} does not exist. Refresh the page.`,
  StakingPoolUnknownEntry: (a) => `Unbonding entry ${id(a[0])} does not exist. Refresh the page.`,
  StakingPoolZeroAddress: "An address is missing. Fill in every address.",
  StakingPoolZeroAmount: "Enter an amount above zero.",
  StakingPoolZeroEvidenceHash: "A challenge needs evidence. Attach the evidence document.",

  // Tokens (the stablecoin and the stake token: ERC-20 with EIP-2612 permits)
  ECDSAInvalidSignature: "The approval signature is not valid. Sign again.",
  ECDSAInvalidSignatureLength: "The approval signature is not valid. Sign again.",
  ECDSAInvalidSignatureS: "The approval signature is not valid. Sign again.",
  ERC20InsufficientAllowance:
    "Tessera is not allowed to spend that much of your token. Approve the amount and try again.",
  ERC20InsufficientBalance: (a) =>
    `${who(a[0])} does not hold enough of this token. Top up the balance, or choose a smaller amount.`,
  ERC20InvalidApprover: "That account cannot approve spending. Use your own account.",
  ERC20InvalidReceiver: (a) => `${who(a[0])} cannot receive this token. Check the address.`,
  ERC20InvalidSender: "Tokens cannot be sent from that address.",
  ERC20InvalidSpender: "That address cannot be allowed to spend tokens. Check the address.",
  ERC2612ExpiredSignature:
    "The approval signature expired before the transaction was sent. Try again and sign promptly.",
  ERC2612InvalidSigner: "The approval was signed by another account. Sign with the account that pays.",
  InvalidAccountNonce:
    "The approval signature was already used or is out of date. Try again to sign a fresh one.",
  InvalidShortString: `The token's name is invalid. ${TRY_AGAIN}`,
  StringTooLong: `The token's name is invalid. ${TRY_AGAIN}`,
};

function bps(value: unknown): string {
  const n = Number(value);
  return Number.isFinite(n)
    ? `${(n / 100).toLocaleString("en", { maximumFractionDigits: 2 })}%`
    : String(value);
}

/** The sentence for a decoded contract error, or null when the table has none. */
export function sentenceForError(name: string, args: Args = []): string | null {
  const sentence = ERROR_SENTENCES[name];
  if (sentence === undefined) return null;
  return typeof sentence === "string" ? sentence : sentence(args);
}
