// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRevenueVault} from "./interfaces/IRevenueVault.sol";
import {IRoyaltyShares} from "./interfaces/IRoyaltyShares.sol";

/// @title RoyaltyShares
/// @notice Fractional revenue rights in Tessera's assets (see IRoyaltyShares).
contract RoyaltyShares is IRoyaltyShares, ERC1155, AccessControl, Pausable, ReentrancyGuardTransient {
    // ────────────────────────────────────────── constants ──────────────────────────────────────────

    /// @notice Shares per asset.
    uint256 public constant SUPPLY = 1_000_000;
    /// @notice Most currencies a transfer settles; bounds the gas of every share transfer.
    uint256 public constant MAX_CURRENCIES = 8;
    uint256 private constant MAX_CREDITED = type(uint120).max;

    /// @notice May mint an asset's shares once: the AssetRegistry.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May pause claims.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    // ─────────────────────────────────────────── storage ───────────────────────────────────────────
    //
    // Currencies have an index in the order they were tracked (ETH is 0). Every per-currency number
    // is a uint128 half of a word that holds two currencies, index i in word i / 2 (even i low, odd i
    // high), so ETH and the first stablecoin share one slot: a sale writes one word, and a claim in
    // both reads and writes one word per asset where two slots would be needed otherwise.
    //
    // A holder's settled value is stored plus one, so a position opened when shares arrive (mint or
    // transfer) is a non-zero word: settling it later rewrites a slot (2,900 gas) instead of creating
    // one (20,000).

    uint256 private constant LOW = type(uint128).max;

    /// @notice The contract that holds the funds, credits revenue and pays claims (the LicenseManager).
    IRevenueVault public vault;
    mapping(uint256 assetId => bool) private _minted;
    mapping(address currency => uint256 indexPlusOne) private _index;
    address[] private _currencies;
    /// @dev Total credited per asset, by currency pair.
    mapping(uint256 assetId => mapping(uint256 pair => uint256)) private _credited;
    /// @dev Credited total each holder was last settled at, plus one, by currency pair.
    mapping(uint256 assetId => mapping(address holder => mapping(uint256 pair => uint256))) private _settled;
    /// @dev Accrued but unclaimed revenue (from settlements at transfers), by currency pair.
    mapping(uint256 assetId => mapping(address holder => mapping(uint256 pair => uint256))) private _accrued;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Creates the share ledger, tracking ETH; roles and the vault are set by the deployment.
    /// @param admin Receives DEFAULT_ADMIN_ROLE and PAUSER_ROLE.
    constructor(address admin) ERC1155("") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _track(address(0));
    }

    modifier onlyVault() {
        if (msg.sender != address(vault)) revert RoyaltySharesNotVault(msg.sender);
        _;
    }

    // ──────────────────────────────────────────── mint ─────────────────────────────────────────────

    /// @inheritdoc IRoyaltyShares
    function mintShares(uint256 assetId, address[] calldata holders, uint256[] calldata amounts)
        external
        onlyRole(MINTER_ROLE)
    {
        if (_minted[assetId]) revert RoyaltySharesAlreadyMinted(assetId);
        if (holders.length == 0 || holders.length != amounts.length) {
            revert RoyaltySharesLengthMismatch(holders.length, amounts.length);
        }
        uint256 total;
        for (uint256 i; i < amounts.length; ++i) {
            total += amounts[i];
        }
        if (total != SUPPLY) revert RoyaltySharesInvalidSplit(total, SUPPLY);
        _minted[assetId] = true;
        for (uint256 i; i < holders.length; ++i) {
            _mint(holders[i], assetId, amounts[i], "");
        }
    }

    // ─────────────────────────────────────────── revenue ───────────────────────────────────────────

    /// @inheritdoc IRoyaltyShares
    function creditRevenue(uint256 assetId, address currency, uint256 amount) external onlyVault {
        if (amount == 0) revert RoyaltySharesZeroAmount();
        uint256 index = _indexOf(currency);
        uint256 word = _credited[assetId][index >> 1];
        uint256 credited = _half(word, index) + amount;
        if (credited > MAX_CREDITED) revert RoyaltySharesCreditOverflow(assetId, currency);
        _credited[assetId][index >> 1] = _withHalf(word, index, credited);
        emit RevenueCredited(assetId, currency, amount, credited);
    }

    /// @inheritdoc IRoyaltyShares
    function trackCurrency(address currency) external onlyVault {
        _track(currency);
    }

    /// @inheritdoc IRoyaltyShares
    function claim(uint256[] calldata assetIds, address[] calldata currencyList, address to)
        external
        whenNotPaused
        nonReentrant
        returns (uint256[] memory amounts)
    {
        if (to == address(0)) revert RoyaltySharesZeroRecipient();
        uint256 count = currencyList.length;
        uint256[] memory indexes = new uint256[](count);
        for (uint256 c; c < count; ++c) {
            indexes[c] = _indexOf(currencyList[c]);
        }
        amounts = new uint256[](count);
        uint256[] memory paid = new uint256[](assetIds.length * count);
        for (uint256 a; a < assetIds.length; ++a) {
            uint256 balance = balanceOf(msg.sender, assetIds[a]);
            for (uint256 c; c < count; ++c) {
                uint256 amount = _claimOne(assetIds[a], indexes[c], balance);
                paid[a * count + c] = amount;
                amounts[c] += amount;
            }
        }
        emit RevenueClaimed(msg.sender, to, assetIds, currencyList, paid);
        for (uint256 c; c < count; ++c) {
            if (amounts[c] != 0) vault.release(currencyList[c], to, amounts[c]);
        }
    }

    // ──────────────────────────────────────────── views ────────────────────────────────────────────

    /// @inheritdoc IRoyaltyShares
    function claimable(address holder, uint256 assetId, address currency) external view returns (uint256) {
        uint256 indexPlusOne = _index[currency];
        if (indexPlusOne == 0) return 0;
        uint256 index = indexPlusOne - 1;
        uint256 pair = index >> 1;
        uint256 settled = _unopened(_half(_settled[assetId][holder][pair], index));
        return _half(_accrued[assetId][holder][pair], index)
            + _pending(balanceOf(holder, assetId), _half(_credited[assetId][pair], index), settled);
    }

    /// @inheritdoc IRoyaltyShares
    function totalCredited(uint256 assetId, address currency) external view returns (uint256) {
        uint256 index = _index[currency];
        return index == 0 ? 0 : _half(_credited[assetId][(index - 1) >> 1], index - 1);
    }

    /// @inheritdoc IRoyaltyShares
    function exists(uint256 assetId) external view returns (bool) {
        return _minted[assetId];
    }

    /// @inheritdoc IRoyaltyShares
    function currencies() external view returns (address[] memory) {
        return _currencies;
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    // ─────────────────────────────────────────── admin ─────────────────────────────────────────────

    /// @notice Sets the revenue vault, once. DEFAULT_ADMIN_ROLE.
    /// @param vault_ The LicenseManager.
    function setVault(IRevenueVault vault_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(vault_) == address(0)) revert RoyaltySharesZeroVault();
        if (address(vault) != address(0)) revert RoyaltySharesVaultAlreadySet(address(vault));
        vault = vault_;
        emit VaultSet(address(vault_));
    }

    /// @notice Stops claims (credits and share transfers keep working). PAUSER_ROLE.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes claims. PAUSER_ROLE.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ────────────────────────────────────────── internal ───────────────────────────────────────────

    /// @dev The one hook every mint and transfer passes through: settle both sides in every tracked
    ///      currency before balances change, so revenue accrued so far stays with its earner. A mint
    ///      opens the receivers' positions.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        uint256 pairs = (_currencies.length + 1) >> 1;
        for (uint256 i; i < ids.length; ++i) {
            for (uint256 pair; pair < pairs; ++pair) {
                uint256 credited = _credited[ids[i]][pair];
                if (from != address(0)) _settle(from, ids[i], pair, credited);
                if (to != address(0)) _settle(to, ids[i], pair, credited);
            }
        }
        super._update(from, to, ids, values);
    }

    /// @dev Moves what a holder has earned since its last settlement, in both currencies of a pair,
    ///      into its accrued balance.
    function _settle(address holder, uint256 assetId, uint256 pair, uint256 credited) private {
        uint256 settledWord = _settled[assetId][holder][pair];
        uint256 current = _opened(credited);
        if (settledWord == current) return;
        uint256 balance = balanceOf(holder, assetId);
        if (balance != 0) {
            uint256 low = _pending(balance, uint128(credited), _unopened(uint128(settledWord)));
            uint256 high = _pending(balance, credited >> 128, _unopened(settledWord >> 128));
            // Each half stays below 2^120 (it never exceeds the asset's credited total), so no carry.
            if (low | high != 0) _accrued[assetId][holder][pair] += low | (high << 128);
        }
        _settled[assetId][holder][pair] = current;
    }

    /// @dev Settles and empties one (asset, currency) position of the caller; returns what it held.
    function _claimOne(uint256 assetId, uint256 index, uint256 balance) private returns (uint256 amount) {
        uint256 pair = index >> 1;
        uint256 credited = _half(_credited[assetId][pair], index);
        uint256 settledWord = _settled[assetId][msg.sender][pair];
        uint256 stored = _half(settledWord, index);
        uint256 accruedWord = _accrued[assetId][msg.sender][pair];
        uint256 accrued = _half(accruedWord, index);
        amount = accrued + _pending(balance, credited, _unopened(stored));
        if (stored != credited + 1) _settled[assetId][msg.sender][pair] = _withHalf(settledWord, index, credited + 1);
        if (accrued != 0) _accrued[assetId][msg.sender][pair] = _withHalf(accruedWord, index, 0);
    }

    /// @dev Rounds down: the holder never receives more than its exact share; the remainder is dust.
    ///      Fits: balance <= SUPPLY and the credited delta <= 2^120, so the product < 2^140.
    function _pending(uint256 balance, uint256 credited, uint256 settled) private pure returns (uint256) {
        return (balance * (credited - settled)) / SUPPLY;
    }

    /// @dev A settled word for a pair whose credited totals are `credited`: each half plus one.
    function _opened(uint256 credited) private pure returns (uint256) {
        return credited + (1 | (uint256(1) << 128));
    }

    /// @dev A stored settled half back to the credited total it stands for (0 when never opened).
    function _unopened(uint256 stored) private pure returns (uint256) {
        return stored == 0 ? 0 : stored - 1;
    }

    function _half(uint256 word, uint256 index) private pure returns (uint256) {
        return index & 1 == 0 ? word & LOW : word >> 128;
    }

    function _withHalf(uint256 word, uint256 index, uint256 value) private pure returns (uint256) {
        return index & 1 == 0 ? (word & ~LOW) | value : (word & LOW) | (value << 128);
    }

    function _indexOf(address currency) private view returns (uint256) {
        if (currency == address(0)) return 0;
        uint256 indexPlusOne = _index[currency];
        if (indexPlusOne == 0) revert RoyaltySharesUntrackedCurrency(currency);
        return indexPlusOne - 1;
    }

    function _track(address currency) private {
        if (_index[currency] != 0) return;
        uint256 count = _currencies.length;
        if (count == MAX_CURRENCIES) revert RoyaltySharesTooManyCurrencies(MAX_CURRENCIES);
        _currencies.push(currency);
        _index[currency] = count + 1;
        emit CurrencyTracked(currency, count + 1);
    }
}
