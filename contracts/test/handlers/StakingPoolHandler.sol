// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/dev/TestToken.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";

/// Drives a StakingPool with bounded, valid calls from a few actors on a few assets, and keeps ghost
/// totals of what went in and out so the invariant test can check the pool's books. It holds the
/// REWARD_NOTIFIER and ARBITER roles itself.
contract StakingPoolHandler is Test {
    StakingPool public immutable POOL;
    TestToken public immutable STAKE_TOKEN;
    TestToken public immutable USDC;

    address internal constant ETH = address(0);
    uint256 internal constant MAX_AMOUNT = 1e24;

    address[] public actors;
    uint256[] public assetIds;
    address[] public currencies;

    uint256[] internal _openEntries;
    uint256[] internal _openChallenges;

    /// Stake-token bonds of challenges not yet resolved or lapsed.
    uint256 public ghostOpenBonds;
    /// Rewards credited and paid, per currency.
    mapping(address currency => uint256) public ghostNotified;
    mapping(address currency => uint256) public ghostClaimed;
    /// Upper bound on the reward units lost to rounding: a notify's accumulator rounds away less
    /// than one unit, a settlement of one staker in one currency less than two.
    uint256 public ghostRoundings;
    /// How many times each action ran, to see that the fuzzer reaches them all.
    mapping(bytes32 action => uint256) public calls;
    mapping(address actor => uint256) internal keyOf;

    constructor(StakingPool pool_, TestToken stakeToken_, TestToken usdc_) {
        POOL = pool_;
        STAKE_TOKEN = stakeToken_;
        USDC = usdc_;
        for (uint256 i; i < 4; ++i) {
            (address actor, uint256 key) = makeAddrAndKey(string(abi.encodePacked("actor", vm.toString(i))));
            actors.push(actor);
            keyOf[actor] = key;
        }
        assetIds.push(1);
        assetIds.push(2);
        assetIds.push(3);
        currencies.push(ETH);
        currencies.push(address(usdc_));
        currencies.push(address(stakeToken_));
        STAKE_TOKEN.approve(address(pool_), type(uint256).max);
        USDC.approve(address(pool_), type(uint256).max);
    }

    // ─────────────────────────────────────────── actions ───────────────────────────────────────────

    function stake(uint256 actorSeed, uint256 assetSeed, uint256 amount) external {
        (address actor, uint256 assetId) = (_actor(actorSeed), _asset(assetSeed));
        if (POOL.isFrozen(assetId)) return;
        amount = bound(amount, 1, MAX_AMOUNT);
        _mintAndApprove(actor, amount);
        ghostRoundings += 2 * uint256(POOL.assetPool(assetId).rewardCurrencyCount);
        vm.prank(actor);
        POOL.stake(assetId, amount);
        ++calls["stake"];
    }

    /// Unstaking is allowed while the asset is frozen (the entry stays slashable).
    function unstake(uint256 actorSeed, uint256 assetSeed, uint256 amount) external {
        (address actor, uint256 assetId) = (_actor(actorSeed), _asset(assetSeed));
        uint256 available = POOL.stakeOf(assetId, actor);
        if (available == 0) return;
        amount = bound(amount, 1, available);
        ghostRoundings += 2 * uint256(POOL.assetPool(assetId).rewardCurrencyCount);
        vm.prank(actor);
        _openEntries.push(POOL.unstake(assetId, amount));
        ++calls["unstake"];
    }

    function withdraw(uint256 entrySeed) external {
        if (_openEntries.length == 0) return;
        uint256 index = entrySeed % _openEntries.length;
        uint256 entryId = _openEntries[index];
        IStakingPool.UnbondingEntry memory entry = POOL.unbondingEntry(entryId);
        if (POOL.isFrozen(entry.assetId)) return;
        if (block.timestamp < entry.releaseTime) vm.warp(entry.releaseTime);
        vm.prank(entry.owner);
        POOL.withdraw(entryId);
        _openEntries[index] = _openEntries[_openEntries.length - 1];
        _openEntries.pop();
        ++calls["withdraw"];
    }

    function notifyReward(uint256 assetSeed, uint256 currencySeed, uint256 amount) external {
        (uint256 assetId, address currency) = (_asset(assetSeed), _currency(currencySeed));
        if (!POOL.acceptsReward(assetId, currency)) return;
        amount = bound(amount, 1, MAX_AMOUNT);
        if (currency == ETH) vm.deal(address(this), amount);
        else TestToken(currency).mint(address(this), amount);
        POOL.notifyReward{value: currency == ETH ? amount : 0}(assetId, currency, amount);
        ghostNotified[currency] += amount;
        ++ghostRoundings;
        ++calls["notifyReward"];
    }

    function claimRewards(uint256 actorSeed, uint256 assetSeed, uint256 currencySeed) external {
        address actor = _actor(actorSeed);
        uint256[] memory ids = new uint256[](2);
        address[] memory paid = new address[](2);
        (ids[0], ids[1]) = (_asset(assetSeed), _asset(assetSeed / 7));
        (paid[0], paid[1]) = (_currency(currencySeed), _currency(currencySeed / 7));
        vm.prank(actor);
        uint256[] memory amounts = POOL.claimRewards(ids, paid, actor);
        ghostClaimed[paid[0]] += amounts[0];
        ghostClaimed[paid[1]] += amounts[1];
        ++calls["claimRewards"];
    }

    function challenge(uint256 actorSeed, uint256 assetSeed, uint256 bond) external {
        (address actor, uint256 assetId) = (_actor(actorSeed), _asset(assetSeed));
        if (POOL.isFrozen(assetId)) return; // one open challenge per asset
        bond = bound(bond, POOL.minBond(), MAX_AMOUNT);
        if (bond % 2 == 0) {
            _mintAndApprove(actor, bond);
            vm.prank(actor);
            _openChallenges.push(POOL.challenge(assetId, bond, keccak256(abi.encode(bond))));
        } else {
            // The permit path: the bond is allowed by one signature in the same transaction.
            STAKE_TOKEN.mint(actor, bond);
            (uint8 v, bytes32 r, bytes32 s) = _permit(actor, bond);
            vm.prank(actor);
            _openChallenges.push(
                POOL.challengeWithPermit(assetId, bond, keccak256(abi.encode(bond)), block.timestamp, v, r, s)
            );
        }
        ghostOpenBonds += bond;
        ++calls["challenge"];
    }

    function resolve(uint256 challengeSeed, bool upheld) external {
        if (_openChallenges.length == 0) return;
        uint256 index = challengeSeed % _openChallenges.length;
        IStakingPool.Challenge memory c = POOL.challengeOf(_openChallenges[index]);
        if (block.timestamp + 1 > c.deadline) return; // at the deadline only lapse() can close it
        bool toStakers = !upheld && POOL.acceptsReward(c.assetId, address(STAKE_TOKEN));
        POOL.resolve(_openChallenges[index], upheld);
        _closed(index, c, toStakers);
        ++calls[upheld ? bytes32("upheld") : bytes32("rejected")];
    }

    /// Lapses an open challenge, moving time to its deadline first if need be.
    function lapse(uint256 challengeSeed) external {
        if (_openChallenges.length == 0) return;
        uint256 index = challengeSeed % _openChallenges.length;
        IStakingPool.Challenge memory c = POOL.challengeOf(_openChallenges[index]);
        if (block.timestamp < c.deadline) vm.warp(c.deadline);
        bool toStakers = POOL.acceptsReward(c.assetId, address(STAKE_TOKEN));
        POOL.lapse(_openChallenges[index]);
        _closed(index, c, toStakers);
        ++calls["lapsed"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 3 days));
    }

    // ─────────────────────────────────────────── views ─────────────────────────────────────────────

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function openEntries() external view returns (uint256[] memory) {
        return _openEntries;
    }

    function openChallenges() external view returns (uint256[] memory) {
        return _openChallenges;
    }

    function allAssetIds() external view returns (uint256[] memory) {
        return assetIds;
    }

    function allActors() external view returns (address[] memory) {
        return actors;
    }

    function allCurrencies() external view returns (address[] memory) {
        return currencies;
    }

    // ────────────────────────────────────────── internals ──────────────────────────────────────────

    /// Books a closed challenge: its bond left the open bonds, and went to the stakers as a reward
    /// when `toStakers` (else it left the pool, to the challenger or the treasury).
    function _closed(uint256 index, IStakingPool.Challenge memory c, bool toStakers) internal {
        _openChallenges[index] = _openChallenges[_openChallenges.length - 1];
        _openChallenges.pop();
        ghostOpenBonds -= c.bond;
        if (toStakers) {
            ghostNotified[address(STAKE_TOKEN)] += c.bond;
            ++ghostRoundings;
        }
    }

    function _permit(address owner, uint256 value) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                address(POOL),
                value,
                STAKE_TOKEN.nonces(owner),
                block.timestamp
            )
        );
        return vm.sign(keyOf[owner], keccak256(abi.encodePacked("\x19\x01", STAKE_TOKEN.DOMAIN_SEPARATOR(), structHash)));
    }

    function _mintAndApprove(address actor, uint256 amount) internal {
        STAKE_TOKEN.mint(actor, amount);
        vm.prank(actor);
        STAKE_TOKEN.approve(address(POOL), amount);
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _asset(uint256 seed) internal view returns (uint256) {
        return assetIds[seed % assetIds.length];
    }

    function _currency(uint256 seed) internal view returns (address) {
        return currencies[seed % currencies.length];
    }
}
