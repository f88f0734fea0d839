// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {IStakingPool} from "./interfaces/IStakingPool.sol";

/// @title StakingPool
/// @notice Stake on Tessera assets, share their curator rewards, challenge them and get slashed.
/// @dev See IStakingPool for the accounting scheme. Storage is packed so that a stake, an unstake
///      or a claim touches few slots: an asset's pool is two slots, a staker's position one (its
///      shares and entry count), an unbonding entry one (owner and asset live in its id), a reward
///      debt one per currency, a challenge two, the configuration two (the hot one, and the
///      challenge terms: minimum bond and period).
contract StakingPool is IStakingPool, AccessControl, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    // ─────────────────────────────────────────── types ─────────────────────────────────────────────

    /// @dev The settings read together on the hot paths: one slot.
    struct Config {
        address treasury;
        uint64 unbondingDelay;
        uint16 slashBps;
        uint16 challengerShareBps;
    }

    /// @dev A staker's active shares of an asset and how many unbonding entries it has started there.
    struct Position {
        uint128 shares;
        uint32 entryCount;
    }

    /// @dev What a new challenge must post and how long the arbiter has: one slot.
    struct ChallengeTerms {
        uint128 minBond;
        uint64 period;
    }

    /// @dev An unbonding entry's stored part; its owner and asset are in its id.
    struct Unbonding {
        uint128 shares;
        uint64 releaseTime;
    }

    /// @dev An asset's accumulator in one currency, and whether the currency is in its list.
    struct RewardState {
        uint256 rewardPerShare;
        bool listed;
    }

    // ───────────────────────────────────────── constants ───────────────────────────────────────────

    /// @notice Resolves challenges.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Pauses and unpauses the money paths.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Sets the slash fraction, challenger share, minimum bond, challenge period, unbonding
    ///         delay and treasury.
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");
    /// @notice Credits rewards (granted to the LicenseManager).
    bytes32 public constant REWARD_NOTIFIER_ROLE = keccak256("REWARD_NOTIFIER_ROLE");

    /// @notice Highest slash fraction: half of an asset's stake per upheld challenge.
    uint16 public constant MAX_SLASH_BPS = 5_000;
    /// @notice Longest unbonding delay, so stake can never be locked for good.
    uint64 public constant MAX_UNBONDING_DELAY = 365 days;
    /// @notice Most currencies one asset can receive rewards in (each costs a stake change gas).
    uint8 public constant MAX_REWARD_CURRENCIES = 8;
    /// @notice Challenger's share of a slash at deployment.
    uint16 public constant DEFAULT_CHALLENGER_SHARE_BPS = 5_000;
    /// @notice Shortest challenge period: the arbiter needs time to read the evidence.
    uint64 public constant MIN_CHALLENGE_PERIOD = 1 days;
    /// @notice Longest challenge period, so one challenge can never freeze an asset for long.
    uint64 public constant MAX_CHALLENGE_PERIOD = 90 days;

    uint16 private constant BPS = 10_000;
    uint256 private constant ACC_PRECISION = 1e36;
    address private constant ETH = address(0);

    // ─────────────────────────────────────────── storage ───────────────────────────────────────────

    IERC20 private immutable STAKE_TOKEN;
    IAssetRegistry private immutable REGISTRY;

    Config private _config;
    ChallengeTerms private _challengeTerms;
    uint256 private _lastChallengeId;

    mapping(uint256 assetId => AssetPool) private _pools;
    mapping(uint256 assetId => mapping(address staker => Position)) private _positions;
    mapping(uint256 assetId => address[MAX_REWARD_CURRENCIES]) private _currencies;
    mapping(uint256 assetId => mapping(address currency => RewardState)) private _rewards;
    mapping(uint256 assetId => mapping(address currency => mapping(address staker => int256 debt))) private
        _rewardDebts;
    mapping(uint256 entryId => Unbonding) private _entries;
    mapping(uint256 challengeId => Challenge) private _challenges;
    mapping(uint256 assetId => uint256 challengeId) private _openChallengeOf;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Deploys the pool; only `admin` holds a role afterwards (DEFAULT_ADMIN_ROLE).
    /// @param admin Holder of DEFAULT_ADMIN_ROLE, which grants the other roles.
    /// @param stakeToken_ The ERC-20 staked (plain: no fee on transfer, no rebasing).
    /// @param registry_ The asset registry; only its assets can be challenged.
    /// @param treasury_ Where the treasury's part of slashes and forfeited bonds goes.
    /// @param unbondingDelay_ Seconds between unstaking and withdrawing.
    /// @param slashBps_ Fraction of an asset's stake slashed per upheld challenge, in basis points.
    /// @param minBond_ Smallest challenge bond, in stake-token units; not zero.
    /// @param challengePeriod_ Seconds the arbiter has to resolve a challenge before it can lapse.
    constructor(
        address admin,
        IERC20 stakeToken_,
        IAssetRegistry registry_,
        address treasury_,
        uint64 unbondingDelay_,
        uint16 slashBps_,
        uint256 minBond_,
        uint64 challengePeriod_
    ) {
        if (admin == address(0) || address(stakeToken_) == address(0) || address(registry_) == address(0)) {
            revert StakingPoolZeroAddress();
        }
        STAKE_TOKEN = stakeToken_;
        REGISTRY = registry_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setTreasury(treasury_);
        _setUnbondingDelay(unbondingDelay_);
        _setSlashBps(slashBps_);
        _setChallengerShareBps(DEFAULT_CHALLENGER_SHARE_BPS);
        _setMinBond(minBond_);
        _setChallengePeriod(challengePeriod_);
    }

    // ─────────────────────────────────────────── staking ───────────────────────────────────────────

    /// @inheritdoc IStakingPool
    function stake(uint256 assetId, uint256 amount) external nonReentrant whenNotPaused returns (uint256) {
        return _stake(assetId, amount);
    }

    /// @inheritdoc IStakingPool
    function stakeWithPermit(uint256 assetId, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        whenNotPaused
        returns (uint256)
    {
        // A front-runner can spend the permit first; then the allowance is already there, so only a
        // failing transferFrom (not a failing permit) should stop the stake.
        try IERC20Permit(address(STAKE_TOKEN)).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
            catch {}
        return _stake(assetId, amount);
    }

    /// @inheritdoc IStakingPool
    function unstake(uint256 assetId, uint256 amount) external nonReentrant whenNotPaused returns (uint256 entryId) {
        if (amount == 0) revert StakingPoolZeroAmount();
        // No freeze check: the shares stay in the pool (see IStakingPool), so a challenge loses nothing.
        AssetPool memory pool = _pools[assetId];
        Position memory position = _positions[assetId][msg.sender];
        uint256 shares = _sharesToUnstake(assetId, pool, position.shares, amount);
        // shares <= position.shares <= activeShares (checked in _sharesToUnstake; a staker's shares
        // are part of the asset's active shares), so neither subtraction can underflow.
        unchecked {
            position.shares -= uint128(shares);
            pool.activeShares -= uint128(shares);
        }
        _rebaseAll(assetId, msg.sender, position.shares + shares, position.shares, pool.rewardCurrencyCount);
        _pools[assetId].activeShares = pool.activeShares;
        uint64 releaseTime;
        (entryId, releaseTime) = _startUnbonding(assetId, position, shares);
        emit UnstakeStarted(
            entryId, assetId, msg.sender, amount, shares, position.shares, pool.activeShares, releaseTime
        );
    }

    /// @inheritdoc IStakingPool
    function withdraw(uint256 entryId) external nonReentrant whenNotPaused returns (uint256 amount) {
        (uint256 assetId, Unbonding memory entry) = _matureEntry(entryId);
        AssetPool memory pool = _pools[assetId];
        _requireNotFrozen(assetId, pool.openChallenges);
        amount = _sharesToStake(entry.shares, pool, Math.Rounding.Floor);

        // amount <= totalStake because entry.shares <= totalShares; the entry's shares are part of
        // the total, so neither subtraction can underflow.
        unchecked {
            pool.totalStake -= uint128(amount);
            pool.totalShares -= entry.shares;
        }
        _pools[assetId] = pool;
        delete _entries[entryId];
        emit Withdrawn(entryId, assetId, msg.sender, amount, entry.shares, pool.totalStake, pool.totalShares);
        STAKE_TOKEN.safeTransfer(msg.sender, amount);
    }

    // ─────────────────────────────────────────── rewards ───────────────────────────────────────────

    /// @inheritdoc IStakingPool
    function notifyReward(uint256 assetId, address currency, uint256 amount)
        external
        payable
        nonReentrant
        onlyRole(REWARD_NOTIFIER_ROLE)
        returns (uint256 newRewardPerShare)
    {
        if (amount == 0) revert StakingPoolZeroAmount();
        uint256 expectedValue = currency == ETH ? amount : 0;
        if (msg.value != expectedValue) revert StakingPoolEthAmountMismatch(expectedValue, msg.value);
        newRewardPerShare = _creditReward(assetId, currency, amount, msg.sender);
        if (currency != ETH) _pullExact(IERC20(currency), amount);
    }

    /// @inheritdoc IStakingPool
    function claimRewards(uint256[] calldata assetIds, address[] calldata currencies, address to)
        external
        nonReentrant
        whenNotPaused
        returns (uint256[] memory amounts)
    {
        uint256 count = assetIds.length;
        if (count != currencies.length) revert StakingPoolArrayLengthMismatch(count, currencies.length);
        if (to == address(0)) revert StakingPoolZeroAddress();
        amounts = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            amounts[i] = _claim(assetIds[i], currencies[i], to);
        }
    }

    // ────────────────────────────────────────── challenges ─────────────────────────────────────────

    /// @inheritdoc IStakingPool
    function challenge(uint256 assetId, uint256 bond, bytes32 evidenceHash)
        external
        nonReentrant
        whenNotPaused
        returns (uint256)
    {
        return _challenge(assetId, bond, evidenceHash);
    }

    /// @inheritdoc IStakingPool
    function challengeWithPermit(
        uint256 assetId,
        uint256 bond,
        bytes32 evidenceHash,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant whenNotPaused returns (uint256) {
        // As in stakeWithPermit: a permit spent by a front-runner leaves the allowance in place.
        try IERC20Permit(address(STAKE_TOKEN)).permit(msg.sender, address(this), bond, deadline, v, r, s) {}
            catch {}
        return _challenge(assetId, bond, evidenceHash);
    }

    /// @dev Opens the challenge and pulls the bond from the caller.
    function _challenge(uint256 assetId, uint256 bond, bytes32 evidenceHash) private returns (uint256 challengeId) {
        uint64 deadline = _checkChallenge(assetId, bond, evidenceHash);
        Config memory config = _config;
        challengeId = ++_lastChallengeId;
        _challenges[challengeId] = Challenge({
            challenger: msg.sender,
            assetId: uint64(assetId), // registered, so below the registry's count, far below 2^64
            slashBps: config.slashBps,
            challengerShareBps: config.challengerShareBps,
            bond: bond.toUint128(),
            status: ChallengeStatus.Open,
            deadline: deadline
        });
        _openChallengeOf[assetId] = challengeId;
        uint32 open = ++_pools[assetId].openChallenges;
        emit ChallengeOpened(
            challengeId, assetId, msg.sender, bond, evidenceHash, config.slashBps, config.challengerShareBps, open
        );
        STAKE_TOKEN.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @inheritdoc IStakingPool
    function resolve(uint256 challengeId, bool upheld) external nonReentrant whenNotPaused onlyRole(ARBITER_ROLE) {
        Challenge memory c = _close(challengeId, upheld ? ChallengeStatus.Upheld : ChallengeStatus.Rejected);
        if (block.timestamp >= c.deadline) revert StakingPoolChallengeExpired(challengeId, c.deadline, block.timestamp);
        if (upheld) _uphold(challengeId, c);
        else _reject(challengeId, c);
    }

    /// @inheritdoc IStakingPool
    function lapse(uint256 challengeId) external nonReentrant whenNotPaused {
        Challenge memory c = _close(challengeId, ChallengeStatus.Lapsed);
        if (block.timestamp < c.deadline) {
            revert StakingPoolChallengeNotExpired(challengeId, c.deadline, block.timestamp);
        }
        bool toStakers = _forfeitBond(c);
        emit ChallengeLapsed(
            challengeId,
            c.assetId,
            c.challenger,
            toStakers ? c.bond : 0,
            toStakers ? 0 : c.bond,
            _pools[c.assetId].openChallenges
        );
        if (!toStakers) STAKE_TOKEN.safeTransfer(_config.treasury, c.bond);
    }

    // ─────────────────────────────────────────── admin ─────────────────────────────────────────────

    /// @inheritdoc IStakingPool
    function setSlashBps(uint16 newSlashBps) external onlyRole(FEE_MANAGER_ROLE) {
        _setSlashBps(newSlashBps);
    }

    /// @inheritdoc IStakingPool
    function setChallengerShareBps(uint16 newChallengerShareBps) external onlyRole(FEE_MANAGER_ROLE) {
        _setChallengerShareBps(newChallengerShareBps);
    }

    /// @inheritdoc IStakingPool
    function setMinBond(uint256 newMinBond) external onlyRole(FEE_MANAGER_ROLE) {
        _setMinBond(newMinBond);
    }

    /// @inheritdoc IStakingPool
    function setChallengePeriod(uint64 newChallengePeriod) external onlyRole(FEE_MANAGER_ROLE) {
        _setChallengePeriod(newChallengePeriod);
    }

    /// @inheritdoc IStakingPool
    function setUnbondingDelay(uint64 newUnbondingDelay) external onlyRole(FEE_MANAGER_ROLE) {
        _setUnbondingDelay(newUnbondingDelay);
    }

    /// @inheritdoc IStakingPool
    function setTreasury(address newTreasury) external onlyRole(FEE_MANAGER_ROLE) {
        _setTreasury(newTreasury);
    }

    /// @inheritdoc IStakingPool
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @inheritdoc IStakingPool
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ─────────────────────────────────────────── views ─────────────────────────────────────────────

    /// @inheritdoc IStakingPool
    function stakeToken() external view returns (address) {
        return address(STAKE_TOKEN);
    }

    /// @inheritdoc IStakingPool
    function treasury() external view returns (address) {
        return _config.treasury;
    }

    /// @inheritdoc IStakingPool
    function unbondingDelay() external view returns (uint64) {
        return _config.unbondingDelay;
    }

    /// @inheritdoc IStakingPool
    function slashBps() external view returns (uint16) {
        return _config.slashBps;
    }

    /// @inheritdoc IStakingPool
    function challengerShareBps() external view returns (uint16) {
        return _config.challengerShareBps;
    }

    /// @inheritdoc IStakingPool
    function minBond() external view returns (uint256) {
        return _challengeTerms.minBond;
    }

    /// @inheritdoc IStakingPool
    function challengePeriod() external view returns (uint64) {
        return _challengeTerms.period;
    }

    /// @inheritdoc IStakingPool
    function registry() external view returns (address) {
        return address(REGISTRY);
    }

    /// @inheritdoc IStakingPool
    function openChallengeOf(uint256 assetId) external view returns (uint256) {
        return _openChallengeOf[assetId];
    }

    /// @inheritdoc IStakingPool
    function assetPool(uint256 assetId) external view returns (AssetPool memory) {
        return _pools[assetId];
    }

    /// @inheritdoc IStakingPool
    function sharesOf(uint256 assetId, address account) external view returns (uint256) {
        return _positions[assetId][account].shares;
    }

    /// @inheritdoc IStakingPool
    function stakeOf(uint256 assetId, address account) external view returns (uint256) {
        return _sharesToStake(_positions[assetId][account].shares, _pools[assetId], Math.Rounding.Floor);
    }

    /// @inheritdoc IStakingPool
    function unbondingEntry(uint256 entryId) external view returns (UnbondingEntry memory entry) {
        Unbonding memory stored = _entries[entryId];
        if (stored.shares == 0) return entry;
        (address owner, uint256 assetId) = _decodeEntryId(entryId);
        return UnbondingEntry(owner, uint64(assetId), stored.shares, stored.releaseTime);
    }

    /// @inheritdoc IStakingPool
    function entryCountOf(uint256 assetId, address account) external view returns (uint256) {
        return _positions[assetId][account].entryCount;
    }

    /// @inheritdoc IStakingPool
    function entryIdOf(address owner, uint256 assetId, uint32 index) external pure returns (uint256) {
        _requireAssetIdInRange(assetId);
        return _entryId(owner, assetId, index);
    }

    /// @inheritdoc IStakingPool
    function entryValue(uint256 entryId) external view returns (uint256) {
        (, uint256 assetId) = _decodeEntryId(entryId);
        return _sharesToStake(_entries[entryId].shares, _pools[assetId], Math.Rounding.Floor);
    }

    /// @inheritdoc IStakingPool
    function challengeOf(uint256 challengeId) external view returns (Challenge memory) {
        return _challenges[challengeId];
    }

    /// @inheritdoc IStakingPool
    function pendingRewards(uint256 assetId, address currency, address account) external view returns (uint256) {
        int256 earned = _earned(assetId, currency, account, _positions[assetId][account].shares);
        return earned > 0 ? uint256(earned) : 0;
    }

    /// @inheritdoc IStakingPool
    function rewardPerShare(uint256 assetId, address currency) external view returns (uint256) {
        return _rewards[assetId][currency].rewardPerShare;
    }

    /// @inheritdoc IStakingPool
    function rewardCurrencies(uint256 assetId) external view returns (address[] memory currencies) {
        uint256 count = _pools[assetId].rewardCurrencyCount;
        currencies = new address[](count);
        for (uint256 i; i < count; ++i) {
            currencies[i] = _currencies[assetId][i];
        }
    }

    /// @inheritdoc IStakingPool
    function hasStakers(uint256 assetId) external view returns (bool) {
        return _pools[assetId].activeShares != 0;
    }

    /// @inheritdoc IStakingPool
    function acceptsReward(uint256 assetId, address currency) external view returns (bool) {
        return _acceptsReward(assetId, currency);
    }

    /// @inheritdoc IStakingPool
    function isFrozen(uint256 assetId) external view returns (bool) {
        return _pools[assetId].openChallenges != 0;
    }

    // ───────────────────────────────────── internal: staking ───────────────────────────────────────

    /// @dev Mints shares at the current price, rounded down (the pool keeps the fraction), and
    ///      re-bases the staker's reward debts so what it earned before stays its own.
    function _stake(uint256 assetId, uint256 amount) private returns (uint256 minted) {
        if (amount == 0) revert StakingPoolZeroAmount();
        _requireAssetIdInRange(assetId);
        AssetPool memory pool = _pools[assetId];
        _requireNotFrozen(assetId, pool.openChallenges);
        minted = pool.totalShares == 0 ? amount : Math.mulDiv(amount, pool.totalShares, pool.totalStake);
        Position storage position = _positions[assetId][msg.sender];
        uint256 oldShares = position.shares;
        uint256 stakerShares = oldShares + minted;
        _rebaseAll(assetId, msg.sender, oldShares, stakerShares, pool.rewardCurrencyCount);

        position.shares = stakerShares.toUint128();
        pool.totalStake = (pool.totalStake + amount).toUint128();
        pool.totalShares = (pool.totalShares + minted).toUint128();
        pool.activeShares += uint128(minted); // activeShares <= totalShares, which just fit 128 bits
        _pools[assetId] = pool;
        emit Staked(
            assetId, msg.sender, amount, minted, stakerShares, pool.totalStake, pool.totalShares, pool.activeShares
        );
        STAKE_TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev Shares to move into an entry for `amount`, rounded up so the entry is worth at least
    ///      `amount`. If the staker's remaining shares would be worth nothing, they go too, so a full
    ///      exit leaves no dust position behind.
    function _sharesToUnstake(uint256 assetId, AssetPool memory pool, uint256 stakerShares, uint256 amount)
        private
        view
        returns (uint256 shares)
    {
        uint256 available = _sharesToStake(stakerShares, pool, Math.Rounding.Floor);
        if (amount > available) revert StakingPoolInsufficientStake(assetId, msg.sender, available, amount);
        // amount <= available implies ceil(amount * totalShares / totalStake) <= stakerShares.
        shares = Math.mulDiv(amount, pool.totalShares, pool.totalStake, Math.Rounding.Ceil);
        if (_sharesToStake(stakerShares - shares, pool, Math.Rounding.Floor) == 0) shares = stakerShares;
    }

    /// @dev Stores the caller's position (its shares after the unstake, one more entry) and a new
    ///      unbonding entry, and returns the entry's id and release time.
    function _startUnbonding(uint256 assetId, Position memory position, uint256 shares)
        private
        returns (uint256 entryId, uint64 releaseTime)
    {
        // The caller had shares of this asset, so it passed _requireAssetIdInRange when staking.
        entryId = _entryId(msg.sender, assetId, position.entryCount);
        ++position.entryCount;
        _positions[assetId][msg.sender] = position;
        releaseTime = uint64(block.timestamp) + _config.unbondingDelay;
        // shares <= the asset's activeShares, a uint128.
        _entries[entryId] = Unbonding({shares: uint128(shares), releaseTime: releaseTime});
    }

    /// @dev Loads an entry that exists, belongs to the caller and has matured, with its asset.
    function _matureEntry(uint256 entryId) private view returns (uint256 assetId, Unbonding memory entry) {
        address owner;
        (owner, assetId) = _decodeEntryId(entryId);
        entry = _entries[entryId];
        if (entry.shares == 0) revert StakingPoolUnknownEntry(entryId);
        if (owner != msg.sender) revert StakingPoolNotEntryOwner(entryId, owner, msg.sender);
        if (block.timestamp < entry.releaseTime) {
            revert StakingPoolEntryNotMatured(entryId, entry.releaseTime, block.timestamp);
        }
    }

    /// @dev owner (160 bits) | assetId (64 bits) | index (32 bits).
    function _entryId(address owner, uint256 assetId, uint32 index) private pure returns (uint256) {
        return (uint256(uint160(owner)) << 96) | (assetId << 32) | index;
    }

    function _decodeEntryId(uint256 entryId) private pure returns (address owner, uint256 assetId) {
        owner = address(uint160(entryId >> 96));
        assetId = uint64(entryId >> 32);
    }

    /// @dev What `shares` of an asset's pool are worth. A pool with shares always has stake: the
    ///      last shares redeem all of it, and a slash takes at most half.
    function _sharesToStake(uint256 shares, AssetPool memory pool, Math.Rounding rounding)
        private
        pure
        returns (uint256)
    {
        if (shares == 0) return 0;
        return Math.mulDiv(shares, pool.totalStake, pool.totalShares, rounding);
    }

    function _requireNotFrozen(uint256 assetId, uint32 openChallenges) private pure {
        if (openChallenges != 0) revert StakingPoolAssetFrozen(assetId, openChallenges);
    }

    function _requireAssetIdInRange(uint256 assetId) private pure {
        if (assetId > type(uint64).max) revert StakingPoolAssetIdOutOfRange(assetId);
    }

    // ───────────────────────────────────── internal: rewards ───────────────────────────────────────

    /// @dev Adds `amount / activeShares` to the asset's accumulator in `currency`, listing the
    ///      currency on first use. The accumulator rounds down; the remainder stays in the pool.
    function _creditReward(uint256 assetId, address currency, uint256 amount, address from)
        private
        returns (uint256 newRewardPerShare)
    {
        uint256 activeShares = _pools[assetId].activeShares;
        if (activeShares == 0) revert StakingPoolNoStakers(assetId);
        RewardState storage reward = _rewards[assetId][currency];
        if (!reward.listed) _listCurrency(assetId, currency, reward);
        newRewardPerShare = reward.rewardPerShare + Math.mulDiv(amount, ACC_PRECISION, activeShares);
        reward.rewardPerShare = newRewardPerShare;
        emit RewardNotified(assetId, currency, from, amount, newRewardPerShare);
    }

    function _listCurrency(uint256 assetId, address currency, RewardState storage reward) private {
        AssetPool storage pool = _pools[assetId];
        uint8 count = pool.rewardCurrencyCount;
        if (count == MAX_REWARD_CURRENCIES) {
            revert StakingPoolTooManyRewardCurrencies(assetId, currency, MAX_REWARD_CURRENCIES);
        }
        _currencies[assetId][count] = currency;
        pool.rewardCurrencyCount = count + 1;
        reward.listed = true;
    }

    function _acceptsReward(uint256 assetId, address currency) private view returns (bool) {
        AssetPool storage pool = _pools[assetId];
        if (pool.activeShares == 0) return false;
        return _rewards[assetId][currency].listed || pool.rewardCurrencyCount < MAX_REWARD_CURRENCIES;
    }

    /// @dev Pulls exactly `amount` of `token` from the caller, checked against the balance change.
    function _pullExact(IERC20 token, uint256 amount) private {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert StakingPoolTransferAmountMismatch(address(token), amount, received);
    }

    /// @dev Pays the caller what it can claim in one (asset, currency) to `to`, adding it to its debt.
    function _claim(uint256 assetId, address currency, address to) private returns (uint256 amount) {
        int256 earned = _earned(assetId, currency, msg.sender, _positions[assetId][msg.sender].shares);
        if (earned < 1) return 0;
        _rewardDebts[assetId][currency][msg.sender] += earned;
        amount = uint256(earned);
        emit RewardsClaimed(msg.sender, assetId, currency, amount, to);
        _pay(currency, to, amount);
    }

    /// @dev Re-bases an account's reward debt in every currency of an asset as its shares change.
    function _rebaseAll(uint256 assetId, address account, uint256 oldShares, uint256 newShares, uint256 count)
        private
    {
        for (uint256 i; i < count; ++i) {
            _rebase(assetId, _currencies[assetId][i], account, oldShares, newShares);
        }
    }

    /// @dev Keeps what the account earned at its old share count claimable at the new one. The new
    ///      shares' gross rounds up and a deficit (under one unit, from earlier rounding) is dropped,
    ///      so a settlement never credits more than was earned.
    function _rebase(uint256 assetId, address currency, address account, uint256 oldShares, uint256 newShares)
        private
    {
        uint256 acc = _rewards[assetId][currency].rewardPerShare;
        if (acc == 0) return;
        mapping(address => int256) storage debts = _rewardDebts[assetId][currency];
        int256 earned = _gross(oldShares, acc, Math.Rounding.Floor) - debts[account];
        if (earned < 0) earned = 0;
        debts[account] = _gross(newShares, acc, Math.Rounding.Ceil) - earned;
    }

    /// @dev floor(shares * acc / 1e36) - debt: what the account can claim; may be slightly negative.
    function _earned(uint256 assetId, address currency, address account, uint256 shares)
        private
        view
        returns (int256)
    {
        uint256 acc = _rewards[assetId][currency].rewardPerShare;
        return _gross(shares, acc, Math.Rounding.Floor) - _rewardDebts[assetId][currency][account];
    }

    /// @dev What `shares` would have earned from the first reward up to `acc`.
    function _gross(uint256 shares, uint256 acc, Math.Rounding rounding) private pure returns (int256) {
        return Math.mulDiv(shares, acc, ACC_PRECISION, rounding).toInt256();
    }

    function _pay(address currency, address to, uint256 amount) private {
        if (currency == ETH) Address.sendValue(payable(to), amount);
        else IERC20(currency).safeTransfer(to, amount);
    }

    // ──────────────────────────────────── internal: challenges ─────────────────────────────────────

    /// @dev Every check a new challenge must pass; returns its deadline.
    function _checkChallenge(uint256 assetId, uint256 bond, bytes32 evidenceHash) private view returns (uint64) {
        if (assetId == 0 || assetId > REGISTRY.assetCount()) revert StakingPoolUnknownAsset(assetId);
        ChallengeTerms memory terms = _challengeTerms;
        if (bond < terms.minBond) revert StakingPoolBondTooSmall(bond, terms.minBond);
        if (evidenceHash == bytes32(0)) revert StakingPoolZeroEvidenceHash();
        uint256 open = _openChallengeOf[assetId];
        if (open != 0) revert StakingPoolChallengeAlreadyOpen(assetId, open);
        return uint64(block.timestamp) + terms.period;
    }

    /// @dev Marks an open challenge closed with `status` and unfreezes its asset; returns it.
    function _close(uint256 challengeId, ChallengeStatus status) private returns (Challenge memory c) {
        Challenge storage stored = _challenges[challengeId];
        ChallengeStatus current = stored.status;
        if (current == ChallengeStatus.None) revert StakingPoolUnknownChallenge(challengeId);
        if (current != ChallengeStatus.Open) revert StakingPoolChallengeClosed(challengeId, current);
        stored.status = status;
        c = stored;
        delete _openChallengeOf[c.assetId];
        // An open challenge counted itself into openChallenges, so this cannot underflow.
        unchecked {
            --_pools[c.assetId].openChallenges;
        }
    }

    /// @dev Credits the bond to the asset's active stakers as a stake-token reward if they can take
    ///      it; returns false when the caller must send it to the treasury instead.
    function _forfeitBond(Challenge memory c) private returns (bool toStakers) {
        toStakers = _acceptsReward(c.assetId, address(STAKE_TOKEN));
        if (toStakers) _creditReward(c.assetId, address(STAKE_TOKEN), c.bond, c.challenger);
    }

    /// @dev Slashes the asset's stake (active and unbonding alike, since both are shares of it),
    ///      returns the bond plus the challenger's share of the slash, and sends the rest to the treasury.
    function _uphold(uint256 challengeId, Challenge memory c) private {
        AssetPool storage pool = _pools[c.assetId];
        uint128 totalStake = pool.totalStake;
        // slashBps <= MAX_SLASH_BPS = BPS / 2, so slashed <= totalStake / 2: it fits 128 bits and
        // the asset keeps stake for its shares.
        uint128 slashed = uint128(uint256(totalStake) * c.slashBps / BPS);
        uint256 challengerShare = uint256(slashed) * c.challengerShareBps / BPS;
        uint256 toChallenger = c.bond + challengerShare;
        uint256 toTreasury = slashed - challengerShare;
        pool.totalStake = totalStake - slashed;
        emit ChallengeResolved(
            challengeId,
            c.assetId,
            c.challenger,
            true,
            slashed,
            toChallenger,
            0,
            toTreasury,
            totalStake - slashed,
            pool.openChallenges
        );
        STAKE_TOKEN.safeTransfer(c.challenger, toChallenger);
        if (toTreasury != 0) STAKE_TOKEN.safeTransfer(_config.treasury, toTreasury);
    }

    /// @dev Forfeits the bond to the asset's active stakers, or to the treasury if it has none.
    function _reject(uint256 challengeId, Challenge memory c) private {
        bool toStakers = _forfeitBond(c);
        AssetPool storage pool = _pools[c.assetId];
        emit ChallengeResolved(
            challengeId,
            c.assetId,
            c.challenger,
            false,
            0,
            0,
            toStakers ? c.bond : 0,
            toStakers ? 0 : c.bond,
            pool.totalStake,
            pool.openChallenges
        );
        if (!toStakers) STAKE_TOKEN.safeTransfer(_config.treasury, c.bond);
    }

    // ─────────────────────────────────────── internal: admin ───────────────────────────────────────

    function _setSlashBps(uint16 newSlashBps) private {
        if (newSlashBps > MAX_SLASH_BPS) revert StakingPoolBpsAboveCap(newSlashBps, MAX_SLASH_BPS);
        uint16 previous = _config.slashBps;
        _config.slashBps = newSlashBps;
        emit SlashBpsUpdated(previous, newSlashBps);
    }

    function _setChallengerShareBps(uint16 newChallengerShareBps) private {
        if (newChallengerShareBps > BPS) revert StakingPoolBpsAboveCap(newChallengerShareBps, BPS);
        uint16 previous = _config.challengerShareBps;
        _config.challengerShareBps = newChallengerShareBps;
        emit ChallengerShareBpsUpdated(previous, newChallengerShareBps);
    }

    function _setUnbondingDelay(uint64 newUnbondingDelay) private {
        if (newUnbondingDelay > MAX_UNBONDING_DELAY) {
            revert StakingPoolUnbondingDelayAboveCap(newUnbondingDelay, MAX_UNBONDING_DELAY);
        }
        uint64 previous = _config.unbondingDelay;
        _config.unbondingDelay = newUnbondingDelay;
        emit UnbondingDelayUpdated(previous, newUnbondingDelay);
    }

    function _setMinBond(uint256 newMinBond) private {
        if (newMinBond == 0) revert StakingPoolZeroAmount();
        uint256 previous = _challengeTerms.minBond;
        _challengeTerms.minBond = newMinBond.toUint128();
        emit MinBondUpdated(previous, newMinBond);
    }

    function _setChallengePeriod(uint64 newChallengePeriod) private {
        if (newChallengePeriod < MIN_CHALLENGE_PERIOD || newChallengePeriod > MAX_CHALLENGE_PERIOD) {
            revert StakingPoolChallengePeriodOutOfRange(newChallengePeriod, MIN_CHALLENGE_PERIOD, MAX_CHALLENGE_PERIOD);
        }
        uint64 previous = _challengeTerms.period;
        _challengeTerms.period = newChallengePeriod;
        emit ChallengePeriodUpdated(previous, newChallengePeriod);
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert StakingPoolZeroAddress();
        address previous = _config.treasury;
        _config.treasury = newTreasury;
        emit TreasuryUpdated(previous, newTreasury);
    }
}
