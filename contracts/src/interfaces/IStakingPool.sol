// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IStakingPool
/// @notice Builders and curators stake one ERC-20 (the stake token) on the Tessera assets they vouch
///         for. Stakers of an asset share, pro rata to their active stake, the curator share of its
///         sales (in ETH or any ERC-20). Anyone can challenge a registered asset with a bond of at
///         least `minBond()`; an asset has at most one open challenge at a time. An arbiter resolves
///         it before its deadline (`challengePeriod()` after opening): upheld slashes a fraction of
///         the asset's stake (active and unbonding) to the challenger and the treasury, rejected
///         forfeits the bond to the asset's stakers. A challenge still open at its deadline lapses:
///         anyone can close it, and its bond is forfeited as if rejected.
///
///         While a challenge is open (the asset is "frozen"), a staker of the asset:
///         - cannot `stake`: the verdict is known to the arbiter (and to the mempool) before it lands,
///           so new stake could buy into a forfeited bond just ahead of a rejection;
///         - can `unstake`: the shares move into an unbonding entry that stays in the pool and is
///           slashed exactly like active shares, so unstaking escapes nothing; it only starts the
///           unbonding clock and gives up rewards from then on (a forfeited bond included);
///         - cannot `withdraw`, even a matured entry: a withdrawal takes stake out of the pool, which
///           would let it escape the slash the challenge may bring;
///         - can `claimRewards`: rewards already credited are not slashable.
///         The freeze is bounded: at the deadline the challenge can be lapsed by anyone (a staker
///         who wants out first), and lapsing costs the challenger its bond, so freezing an asset
///         again and again costs `minBond()` per `challengePeriod()`.
/// @dev Accounting is O(1) in the number of stakers. Each asset is a pool of shares (like an
///      ERC-4626 vault): `totalStake` stake-token units back `totalShares` shares. Active shares
///      earn rewards; unstaking moves shares into an unbonding entry, which earns nothing but stays
///      a share of the same pool, so a slash (which only lowers `totalStake`) costs every share,
///      active or unbonding, the same fraction.
///
///      Rewards: a cumulative reward-per-active-share accumulator `acc` per (asset, currency),
///      scaled by 1e36, and a signed reward debt per (asset, currency, staker). What a staker can
///      claim is `floor(shares * acc / 1e36) - debt` (zero if negative). When its shares change,
///      its debt is re-based to `ceil(newShares * acc / 1e36) - max(claimable, 0)`; a claim adds
///      what it pays to the debt. So the pool never owes more than it was given, and each
///      settlement costs the staker less than two units.
///
///      Rounding never creates tokens: shares minted by a stake round down and stake paid by a
///      withdrawal rounds down (the fraction stays with the remaining shares); an unstake moves
///      shares rounded up into its entry, so the entry is worth at least what was asked (shares
///      only move, no value changes hands); a slash and the challenger's share of it round down
///      (the treasury takes the remainder); reward credits round down. Stake accounting is exact:
///      the last share of an asset redeems whatever stake is left, so no stake is ever stuck.
///      Reward dust stays in the pool unclaimed.
///
///      Unbonding entry ids encode their owner, asset and the owner's per-asset entry index:
///      `uint256(uint160(owner)) << 96 | assetId << 32 | index`, so an entry is one storage slot
///      and a staker's entries can be listed from `entryCountOf` without an indexer. Asset ids
///      must fit 64 bits (the registry's ids are sequential). Every state change emits an event
///      with post-state values so an indexer can rebuild every balance without calling a view.
interface IStakingPool {
    // ─────────────────────────────────────────── types ─────────────────────────────────────────────

    /// @notice Where a challenge stands.
    enum ChallengeStatus {
        None,
        Open,
        Upheld,
        Rejected,
        Lapsed
    }

    /// @notice An asset's stake pool.
    /// @param totalStake Stake-token units backing all shares of the asset, active and unbonding.
    /// @param totalShares All shares of the asset, active and unbonding.
    /// @param activeShares Shares that earn rewards (not unbonding).
    /// @param openChallenges Challenges on the asset not yet closed (0 or 1); the asset is frozen while 1.
    /// @param rewardCurrencyCount How many currencies the asset has received rewards in.
    struct AssetPool {
        uint128 totalStake;
        uint128 totalShares;
        uint128 activeShares;
        uint32 openChallenges;
        uint8 rewardCurrencyCount;
    }

    /// @notice Stake on its way out: a share of its asset's pool, slashable until withdrawn.
    /// @param owner The staker who unstaked; only it can withdraw (decoded from the entry id).
    /// @param assetId The asset whose pool the shares belong to (decoded from the entry id).
    /// @param shares Shares of the asset's pool; their value falls if the asset is slashed.
    /// @param releaseTime Unix time from which the entry can be withdrawn.
    struct UnbondingEntry {
        address owner;
        uint64 assetId;
        uint128 shares;
        uint64 releaseTime;
    }

    /// @notice A challenge against an asset, with the terms in force when it was opened.
    /// @param challenger Who posted the bond.
    /// @param assetId The challenged asset.
    /// @param bond Stake-token units posted by the challenger.
    /// @param slashBps Fraction of the asset's stake slashed if upheld, in basis points.
    /// @param challengerShareBps Fraction of the slash paid to the challenger, in basis points.
    /// @param status Open until an arbiter resolves it or it lapses.
    /// @param deadline Unix time from which it can no longer be resolved, only lapsed.
    struct Challenge {
        address challenger;
        uint64 assetId;
        uint16 slashBps;
        uint16 challengerShareBps;
        uint128 bond;
        ChallengeStatus status;
        uint64 deadline;
    }

    // ─────────────────────────────────────────── events ────────────────────────────────────────────

    // An asset and a staker are the only ids here; the amounts are data, not filter keys.
    // solhint-disable gas-indexed-events
    /// @notice Emitted when a staker adds stake to an asset.
    /// @param assetId The asset staked on.
    /// @param staker The account credited (and which paid).
    /// @param amount Stake-token units paid in.
    /// @param sharesMinted Shares minted for `amount`, rounded down.
    /// @param stakerShares The staker's active shares of the asset afterwards.
    /// @param assetTotalStake The asset's total stake afterwards.
    /// @param assetTotalShares The asset's total shares afterwards.
    /// @param assetActiveShares The asset's active shares afterwards.
    event Staked(
        uint256 indexed assetId,
        address indexed staker,
        uint256 amount,
        uint256 sharesMinted,
        uint256 stakerShares,
        uint256 assetTotalStake,
        uint256 assetTotalShares,
        uint256 assetActiveShares
    );
    // solhint-enable gas-indexed-events

    /// @notice Emitted when a staker moves stake into an unbonding entry.
    /// @param entryId The new entry's id (encodes staker, asset and the staker's entry index).
    /// @param assetId The asset unstaked from.
    /// @param staker The entry's owner.
    /// @param amount Stake-token units asked for (the entry's value now).
    /// @param shares Shares moved from the staker's active shares into the entry, rounded up.
    /// @param stakerShares The staker's active shares of the asset afterwards.
    /// @param assetActiveShares The asset's active shares afterwards (total stake and shares do not change).
    /// @param releaseTime Unix time from which the entry can be withdrawn.
    event UnstakeStarted(
        uint256 indexed entryId,
        uint256 indexed assetId,
        address indexed staker,
        uint256 amount,
        uint256 shares,
        uint256 stakerShares,
        uint256 assetActiveShares,
        uint64 releaseTime
    );

    /// @notice Emitted when a matured unbonding entry is paid out and deleted.
    /// @param entryId The entry withdrawn.
    /// @param assetId The asset the entry belonged to.
    /// @param staker The entry's owner, who was paid.
    /// @param amount Stake-token units paid, rounded down.
    /// @param shares Shares burned (all of the entry's).
    /// @param assetTotalStake The asset's total stake afterwards.
    /// @param assetTotalShares The asset's total shares afterwards.
    event Withdrawn(
        uint256 indexed entryId,
        uint256 indexed assetId,
        address indexed staker,
        uint256 amount,
        uint256 shares,
        uint256 assetTotalStake,
        uint256 assetTotalShares
    );

    /// @notice Emitted when a reward is credited to an asset's active stakers.
    /// @param assetId The asset whose stakers share the reward.
    /// @param currency The reward's currency; address(0) is ETH.
    /// @param from Who funded it: the notifier, or the challenger whose bond was forfeited.
    /// @param amount Units credited.
    /// @param rewardPerShare The asset's cumulative reward per active share in `currency`
    ///        afterwards, scaled by 1e36.
    event RewardNotified(
        uint256 indexed assetId, address indexed currency, address indexed from, uint256 amount, uint256 rewardPerShare
    );

    /// @notice Emitted when a staker claims its rewards of one asset in one currency.
    /// @param account The staker.
    /// @param assetId The asset the rewards came from.
    /// @param currency The currency paid; address(0) is ETH.
    /// @param amount Units paid (the account's claimable balance is zero afterwards).
    /// @param to The recipient.
    event RewardsClaimed(
        address indexed account, uint256 indexed assetId, address indexed currency, uint256 amount, address to
    );

    /// @notice Emitted when an asset is challenged; the asset is frozen from now on.
    /// @param challengeId The new challenge's id (sequential, from 1).
    /// @param assetId The challenged asset.
    /// @param challenger Who posted the bond.
    /// @param bond Stake-token units posted.
    /// @param evidenceHash Hash of the evidence, which lives off chain.
    /// @param slashBps Fraction of the stake slashed if upheld (fixed at opening), in basis points.
    /// @param challengerShareBps Challenger's fraction of a slash (fixed at opening), in basis points.
    /// @param openChallenges The asset's open challenges afterwards.
    event ChallengeOpened(
        uint256 indexed challengeId,
        uint256 indexed assetId,
        address indexed challenger,
        uint256 bond,
        bytes32 evidenceHash,
        uint16 slashBps,
        uint16 challengerShareBps,
        uint32 openChallenges
    );

    /// @notice Emitted when an arbiter resolves a challenge. The asset is unfrozen when
    ///         `openChallenges` is zero. `toChallenger + toStakers + toTreasury == bond + slashed`.
    /// @param challengeId The challenge resolved.
    /// @param assetId The challenged asset.
    /// @param challenger Who posted the bond.
    /// @param upheld True if the asset was slashed; false if the bond was forfeited.
    /// @param slashed Stake-token units taken from the asset's stake (zero if rejected).
    /// @param toChallenger Paid to the challenger: its bond plus its share of the slash, if upheld.
    /// @param toStakers Credited to the asset's active stakers as a stake-token reward, if rejected.
    /// @param toTreasury Paid to the treasury.
    /// @param assetTotalStake The asset's total stake afterwards (its total shares do not change).
    /// @param openChallenges The asset's open challenges afterwards.
    event ChallengeResolved(
        uint256 indexed challengeId,
        uint256 indexed assetId,
        address indexed challenger,
        bool upheld,
        uint256 slashed,
        uint256 toChallenger,
        uint256 toStakers,
        uint256 toTreasury,
        uint256 assetTotalStake,
        uint32 openChallenges
    );

    /// @notice Emitted when a challenge still open at its deadline is closed. The bond is forfeited as
    ///         on a rejection: `toStakers + toTreasury == bond`. The asset is unfrozen.
    /// @param challengeId The challenge that lapsed.
    /// @param assetId The challenged asset.
    /// @param challenger Who posted the bond.
    /// @param toStakers Credited to the asset's active stakers as a stake-token reward.
    /// @param toTreasury Paid to the treasury (when the asset had no active stakers to credit).
    /// @param openChallenges The asset's open challenges afterwards.
    event ChallengeLapsed(
        uint256 indexed challengeId,
        uint256 indexed assetId,
        address indexed challenger,
        uint256 toStakers,
        uint256 toTreasury,
        uint32 openChallenges
    );

    /// @notice Emitted when the treasury changes (and once at deployment).
    /// @param previousTreasury The old treasury (zero at deployment).
    /// @param treasury The new treasury.
    event TreasuryUpdated(address indexed previousTreasury, address indexed treasury);

    /// @notice Emitted when the slash fraction changes (and once at deployment).
    /// @param previousSlashBps The old fraction, in basis points.
    /// @param slashBps The new fraction, in basis points.
    event SlashBpsUpdated(uint16 indexed previousSlashBps, uint16 indexed slashBps);

    /// @notice Emitted when the challenger's share of a slash changes (and once at deployment).
    /// @param previousChallengerShareBps The old share, in basis points.
    /// @param challengerShareBps The new share, in basis points.
    event ChallengerShareBpsUpdated(uint16 indexed previousChallengerShareBps, uint16 indexed challengerShareBps);

    /// @notice Emitted when the minimum challenge bond changes (and once at deployment).
    /// @param previousMinBond The old minimum, in stake-token units.
    /// @param minBond The new minimum, in stake-token units.
    event MinBondUpdated(uint256 indexed previousMinBond, uint256 indexed minBond);

    /// @notice Emitted when the time an arbiter has to resolve a challenge changes (and once at deployment).
    /// @param previousChallengePeriod The old period, in seconds.
    /// @param challengePeriod The new period, in seconds; challenges already open keep their deadline.
    event ChallengePeriodUpdated(uint64 indexed previousChallengePeriod, uint64 indexed challengePeriod);

    /// @notice Emitted when the unbonding delay changes (and once at deployment).
    /// @param previousUnbondingDelay The old delay, in seconds.
    /// @param unbondingDelay The new delay, in seconds; entries already started keep their release time.
    event UnbondingDelayUpdated(uint64 indexed previousUnbondingDelay, uint64 indexed unbondingDelay);

    // ─────────────────────────────────────────── errors ────────────────────────────────────────────

    /// @notice An amount (stake, unstake, reward or minimum bond) was zero.
    error StakingPoolZeroAmount();

    /// @notice An address that must be set (admin, stake token, registry, treasury, recipient) was zero.
    error StakingPoolZeroAddress();

    /// @notice Only registered assets can be challenged.
    /// @param assetId The id given (zero, or above the registry's asset count).
    error StakingPoolUnknownAsset(uint256 assetId);

    /// @notice The asset already has an open challenge; a second one would only extend the freeze.
    /// @param assetId The asset.
    /// @param challengeId The challenge open on it.
    error StakingPoolChallengeAlreadyOpen(uint256 assetId, uint256 challengeId);

    /// @notice The challenge's deadline has passed: it can only lapse now.
    /// @param challengeId The challenge.
    /// @param deadline Its deadline.
    /// @param currentTime The block's timestamp.
    error StakingPoolChallengeExpired(uint256 challengeId, uint64 deadline, uint256 currentTime);

    /// @notice The challenge's deadline has not passed: only the arbiter can close it yet.
    /// @param challengeId The challenge.
    /// @param deadline Its deadline.
    /// @param currentTime The block's timestamp.
    error StakingPoolChallengeNotExpired(uint256 challengeId, uint64 deadline, uint256 currentTime);

    /// @notice The challenge period is outside its bounds.
    /// @param period The value given, in seconds.
    /// @param min The shortest period allowed, in seconds.
    /// @param max The longest period allowed, in seconds.
    error StakingPoolChallengePeriodOutOfRange(uint256 period, uint256 min, uint256 max);

    /// @notice The asset id does not fit the pool's 64-bit storage (registry ids are sequential).
    /// @param assetId The id given.
    error StakingPoolAssetIdOutOfRange(uint256 assetId);

    /// @notice The staker asked to unstake more than its active stake is worth.
    /// @param assetId The asset.
    /// @param staker The staker.
    /// @param available What the staker's active shares are worth, in stake-token units.
    /// @param requested What was asked for.
    error StakingPoolInsufficientStake(uint256 assetId, address staker, uint256 available, uint256 requested);

    /// @notice No unbonding entry has this id (never created, or already withdrawn).
    /// @param entryId The id given.
    error StakingPoolUnknownEntry(uint256 entryId);

    /// @notice Only an entry's owner can withdraw it.
    /// @param entryId The entry.
    /// @param owner Its owner.
    /// @param caller Who tried.
    error StakingPoolNotEntryOwner(uint256 entryId, address owner, address caller);

    /// @notice The entry's unbonding delay has not passed yet.
    /// @param entryId The entry.
    /// @param releaseTime When it can be withdrawn.
    /// @param currentTime The block's timestamp.
    error StakingPoolEntryNotMatured(uint256 entryId, uint64 releaseTime, uint256 currentTime);

    /// @notice The asset has an open challenge: no stake can be added to it or withdrawn from it
    ///         until the challenge is resolved or lapses (unstaking and claiming still work).
    /// @param assetId The asset.
    /// @param openChallenges How many are open (1).
    error StakingPoolAssetFrozen(uint256 assetId, uint32 openChallenges);

    /// @notice The challenge bond is below the minimum (which is never zero).
    /// @param bond The bond given.
    /// @param minBond The minimum.
    error StakingPoolBondTooSmall(uint256 bond, uint256 minBond);

    /// @notice A challenge must point at its evidence.
    error StakingPoolZeroEvidenceHash();

    /// @notice No challenge has this id.
    /// @param challengeId The id given.
    error StakingPoolUnknownChallenge(uint256 challengeId);

    /// @notice The challenge was already closed (resolved or lapsed).
    /// @param challengeId The challenge.
    /// @param status How it was closed.
    error StakingPoolChallengeClosed(uint256 challengeId, ChallengeStatus status);

    /// @notice `assetIds` and `currencies` must pair up.
    /// @param assetIdsLength Length of `assetIds`.
    /// @param currenciesLength Length of `currencies`.
    error StakingPoolArrayLengthMismatch(uint256 assetIdsLength, uint256 currenciesLength);

    /// @notice A basis-point setting is above its cap.
    /// @param bps The value given.
    /// @param cap The highest value allowed.
    error StakingPoolBpsAboveCap(uint256 bps, uint256 cap);

    /// @notice The unbonding delay is above its cap.
    /// @param delay The value given, in seconds.
    /// @param cap The highest value allowed, in seconds.
    error StakingPoolUnbondingDelayAboveCap(uint256 delay, uint256 cap);

    /// @notice The asset has no active stake, so no one can receive its reward.
    /// @param assetId The asset.
    error StakingPoolNoStakers(uint256 assetId);

    /// @notice The ETH sent does not match: `amount` for an ETH reward, zero for an ERC-20 one.
    /// @param expected The ETH expected, in wei.
    /// @param received `msg.value`.
    error StakingPoolEthAmountMismatch(uint256 expected, uint256 received);

    /// @notice The pool's balance of an ERC-20 reward grew by other than `amount` (fee-on-transfer
    ///         and rebasing tokens are not supported).
    /// @param currency The token.
    /// @param expected The amount notified.
    /// @param received What the pool's balance grew by.
    error StakingPoolTransferAmountMismatch(address currency, uint256 expected, uint256 received);

    /// @notice The asset already receives rewards in the maximum number of currencies.
    /// @param assetId The asset.
    /// @param currency The new currency refused.
    /// @param maxCurrencies The cap.
    error StakingPoolTooManyRewardCurrencies(uint256 assetId, address currency, uint256 maxCurrencies);

    // ─────────────────────────────────────────── staking ───────────────────────────────────────────

    /// @notice Stakes `amount` of the stake token on an asset, pulled from the caller (approve first).
    ///         Settles the caller's rewards on the asset first. Reverts while the asset is frozen.
    /// @param assetId The asset to stake on (any id below 2^64; the pool does not ask the registry).
    /// @param amount Stake-token units; must not be zero.
    /// @return sharesMinted Shares credited to the caller, rounded down.
    function stake(uint256 assetId, uint256 amount) external returns (uint256 sharesMinted);

    /// @notice Like `stake`, with an EIP-2612 permit for the stake token in the same transaction. A
    ///         permit that fails (e.g. already used by a front-runner) is ignored if the allowance
    ///         suffices anyway.
    /// @param assetId The asset to stake on.
    /// @param amount Stake-token units; must not be zero.
    /// @param deadline The permit's deadline.
    /// @param v The permit signature's v.
    /// @param r The permit signature's r.
    /// @param s The permit signature's s.
    /// @return sharesMinted Shares credited to the caller, rounded down.
    function stakeWithPermit(uint256 assetId, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256 sharesMinted);

    /// @notice Starts unbonding `amount` of the caller's active stake on an asset. The shares stop
    ///         earning rewards at once but stay slashable until withdrawn. Settles rewards first.
    ///         If what remains would be worth nothing, it is swept into the entry too. Allowed while
    ///         the asset is frozen (see the contract's notice).
    /// @param assetId The asset to unstake from.
    /// @param amount Stake-token units at the current share price; must not be zero.
    /// @return entryId The new unbonding entry, withdrawable after the unbonding delay.
    function unstake(uint256 assetId, uint256 amount) external returns (uint256 entryId);

    /// @notice Pays a matured unbonding entry to its owner (the caller) and deletes it. The payout
    ///         is the entry's shares at the current share price, rounded down.
    /// @param entryId The entry; reverts while its asset is frozen (until its challenge is resolved or
    ///        lapses: `lapse` is open to anyone once the challenge's deadline has passed).
    /// @return amount Stake-token units paid.
    function withdraw(uint256 entryId) external returns (uint256 amount);

    // ─────────────────────────────────────────── rewards ───────────────────────────────────────────

    /// @notice Credits a reward to an asset's active stakers, pro rata to their active shares.
    ///         ETH (`currency` zero) comes as `msg.value`; an ERC-20 is pulled from the caller with
    ///         transferFrom (approve first) and the pool's balance must grow by exactly `amount`.
    ///         Not paused by `pause()`, so sales keep working. Only REWARD_NOTIFIER_ROLE.
    /// @param assetId The asset; reverts with StakingPoolNoStakers if it has no active stake.
    /// @param currency The currency; address(0) is ETH.
    /// @param amount Units; must not be zero.
    /// @return rewardPerShare The asset's cumulative reward per active share afterwards (x 1e36).
    function notifyReward(uint256 assetId, address currency, uint256 amount)
        external
        payable
        returns (uint256 rewardPerShare);

    /// @notice Pays the caller's rewards for every (assetIds[i], currencies[i]) pair to `to`, in one
    ///         transaction. Pairs with nothing to claim are skipped.
    /// @param assetIds The assets.
    /// @param currencies The currencies, one per asset id; address(0) is ETH.
    /// @param to The recipient; must not be zero.
    /// @return amounts What was paid for each pair.
    function claimRewards(uint256[] calldata assetIds, address[] calldata currencies, address to)
        external
        returns (uint256[] memory amounts);

    // ────────────────────────────────────────── challenges ─────────────────────────────────────────

    /// @notice Challenges a registered asset, posting `bond` of the stake token (pulled from the
    ///         caller). The asset is frozen until the challenge is resolved or lapses. The slash terms
    ///         and the challenge period in force now apply to this challenge.
    /// @param assetId The asset challenged; must be registered and have no open challenge.
    /// @param bond Stake-token units; at least `minBond()`.
    /// @param evidenceHash Hash of the evidence (kept off chain); must not be zero.
    /// @return challengeId The new challenge's id.
    function challenge(uint256 assetId, uint256 bond, bytes32 evidenceHash) external returns (uint256 challengeId);

    /// @notice Like `challenge`, with an EIP-2612 permit for the bond in the same transaction. A permit
    ///         that fails (e.g. already used by a front-runner) is ignored if the allowance suffices.
    /// @param assetId The asset challenged; must be registered and have no open challenge.
    /// @param bond Stake-token units; at least `minBond()`; also the permit's value.
    /// @param evidenceHash Hash of the evidence (kept off chain); must not be zero.
    /// @param deadline The permit's deadline.
    /// @param v The permit signature's v.
    /// @param r The permit signature's r.
    /// @param s The permit signature's s.
    /// @return challengeId The new challenge's id.
    function challengeWithPermit(
        uint256 assetId,
        uint256 bond,
        bytes32 evidenceHash,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 challengeId);

    /// @notice Resolves an open challenge before its deadline. Upheld: slashes the challenge's
    ///         `slashBps` of the asset's total stake (active and unbonding); the challenger gets its
    ///         bond back plus its share of the slash, the treasury the rest. Rejected: the bond becomes
    ///         a stake-token reward of the asset's active stakers, or goes to the treasury if there
    ///         are none (or the asset cannot take another reward currency). Only ARBITER_ROLE.
    /// @param challengeId The challenge; reverts with StakingPoolChallengeExpired from its deadline on.
    /// @param upheld Whether the challenge is upheld.
    function resolve(uint256 challengeId, bool upheld) external;

    /// @notice Closes a challenge still open at its deadline; anyone may call. No verdict is not a
    ///         verdict against the stakers: the bond is forfeited as on a rejection (to the asset's
    ///         active stakers, else the treasury), which compensates them for the freeze and makes a
    ///         challenge opened only to freeze an asset cost its bond.
    /// @param challengeId The challenge; reverts with StakingPoolChallengeNotExpired before its deadline.
    function lapse(uint256 challengeId) external;

    // ─────────────────────────────────────────── admin ─────────────────────────────────────────────

    /// @notice Sets the fraction of an asset's stake slashed by future challenges. Only FEE_MANAGER_ROLE.
    /// @param newSlashBps Basis points; at most MAX_SLASH_BPS.
    function setSlashBps(uint16 newSlashBps) external;

    /// @notice Sets the challenger's share of future slashes. Only FEE_MANAGER_ROLE.
    /// @param newChallengerShareBps Basis points; at most 10,000.
    function setChallengerShareBps(uint16 newChallengerShareBps) external;

    /// @notice Sets the minimum bond of future challenges. Only FEE_MANAGER_ROLE.
    /// @param newMinBond Stake-token units; must not be zero (and must fit 128 bits).
    function setMinBond(uint256 newMinBond) external;

    /// @notice Sets how long the arbiter has to resolve future challenges. Only FEE_MANAGER_ROLE.
    /// @param newChallengePeriod Seconds; between MIN_CHALLENGE_PERIOD and MAX_CHALLENGE_PERIOD.
    function setChallengePeriod(uint64 newChallengePeriod) external;

    /// @notice Sets the unbonding delay of future unstakes. Only FEE_MANAGER_ROLE.
    /// @param newUnbondingDelay Seconds; at most MAX_UNBONDING_DELAY.
    function setUnbondingDelay(uint64 newUnbondingDelay) external;

    /// @notice Sets where the treasury's part of slashes and forfeited bonds goes. Only FEE_MANAGER_ROLE.
    /// @param newTreasury The new treasury; must not be zero.
    function setTreasury(address newTreasury) external;

    /// @notice Stops staking, unstaking, withdrawals, claims and challenges (opening, resolving and
    ///         lapsing). Only PAUSER_ROLE.
    function pause() external;

    /// @notice Lifts `pause()`. Only PAUSER_ROLE.
    function unpause() external;

    // ─────────────────────────────────────────── views ─────────────────────────────────────────────

    /// @notice The ERC-20 staked, posted as bonds and slashed.
    /// @return The stake token.
    function stakeToken() external view returns (address);

    /// @notice Where the treasury's part of slashes and forfeited bonds goes.
    /// @return The treasury.
    function treasury() external view returns (address);

    /// @notice Seconds between unstaking and withdrawing.
    /// @return The unbonding delay.
    function unbondingDelay() external view returns (uint64);

    /// @notice Fraction of an asset's stake that a newly opened challenge slashes if upheld.
    /// @return Basis points.
    function slashBps() external view returns (uint16);

    /// @notice Challenger's share of the slash for a newly opened challenge.
    /// @return Basis points.
    function challengerShareBps() external view returns (uint16);

    /// @notice The minimum challenge bond.
    /// @return Stake-token units; never zero.
    function minBond() external view returns (uint256);

    /// @notice How long the arbiter has to resolve a newly opened challenge before it can lapse.
    /// @return Seconds.
    function challengePeriod() external view returns (uint64);

    /// @notice The registry whose assets can be challenged.
    /// @return The asset registry.
    function registry() external view returns (address);

    /// @notice The challenge open on an asset, if any.
    /// @param assetId The asset.
    /// @return The open challenge's id, or zero when the asset is not frozen.
    function openChallengeOf(uint256 assetId) external view returns (uint256);

    /// @notice An asset's stake pool.
    /// @param assetId The asset.
    /// @return Its totals, open challenges and reward currency count (all zero if never staked on).
    function assetPool(uint256 assetId) external view returns (AssetPool memory);

    /// @notice A staker's active shares of an asset.
    /// @param assetId The asset.
    /// @param account The staker.
    /// @return Active shares (unbonding entries not included).
    function sharesOf(uint256 assetId, address account) external view returns (uint256);

    /// @notice What a staker's active shares of an asset are worth now.
    /// @param assetId The asset.
    /// @param account The staker.
    /// @return Stake-token units, rounded down.
    function stakeOf(uint256 assetId, address account) external view returns (uint256);

    /// @notice An unbonding entry.
    /// @param entryId The entry.
    /// @return The entry (all zero if unknown or withdrawn).
    function unbondingEntry(uint256 entryId) external view returns (UnbondingEntry memory);

    /// @notice How many unbonding entries a staker has started on an asset (withdrawn ones included).
    /// @param assetId The asset.
    /// @param account The staker.
    /// @return The count; the staker's entries have indexes 0 to count - 1.
    function entryCountOf(uint256 assetId, address account) external view returns (uint256);

    /// @notice The id of a staker's `index`-th unbonding entry on an asset.
    /// @param owner The staker.
    /// @param assetId The asset; must fit 64 bits.
    /// @param index The entry's index among the staker's entries on the asset.
    /// @return The entry id.
    function entryIdOf(address owner, uint256 assetId, uint32 index) external pure returns (uint256);

    /// @notice What an unbonding entry would pay if withdrawn now.
    /// @param entryId The entry.
    /// @return Stake-token units, rounded down (zero if unknown or withdrawn).
    function entryValue(uint256 entryId) external view returns (uint256);

    /// @notice A challenge.
    /// @param challengeId The challenge.
    /// @return The challenge (status None if unknown).
    function challengeOf(uint256 challengeId) external view returns (Challenge memory);

    /// @notice What an account could claim now for one asset and currency.
    /// @param assetId The asset.
    /// @param currency The currency; address(0) is ETH.
    /// @param account The staker.
    /// @return Units claimable.
    function pendingRewards(uint256 assetId, address currency, address account) external view returns (uint256);

    /// @notice An asset's cumulative reward per active share in one currency.
    /// @param assetId The asset.
    /// @param currency The currency; address(0) is ETH.
    /// @return The accumulator, scaled by 1e36.
    function rewardPerShare(uint256 assetId, address currency) external view returns (uint256);

    /// @notice The currencies an asset has received rewards in, in order of first reward.
    /// @param assetId The asset.
    /// @return The currencies; address(0) is ETH.
    function rewardCurrencies(uint256 assetId) external view returns (address[] memory);

    /// @notice Whether an asset has active stake, i.e. whether `notifyReward` can credit it.
    /// @param assetId The asset.
    /// @return True if some stake on the asset is active.
    function hasStakers(uint256 assetId) external view returns (bool);

    /// @notice Whether `notifyReward(assetId, currency, ...)` would be accepted: the asset has active
    ///         stake and either already takes `currency` or can take one more currency.
    /// @param assetId The asset.
    /// @param currency The currency; address(0) is ETH.
    /// @return True if a reward would be credited.
    function acceptsReward(uint256 assetId, address currency) external view returns (bool);

    /// @notice Whether an asset's stake is frozen by an open challenge (until it is resolved or lapsed).
    /// @param assetId The asset.
    /// @return True if a challenge on the asset is open.
    function isFrozen(uint256 assetId) external view returns (bool);
}
