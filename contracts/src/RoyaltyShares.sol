// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IRoyaltyShares} from "./interfaces/IRoyaltyShares.sol";

/// @title RoyaltyShares
/// @notice Fractional revenue rights in Tessera's assets (see IRoyaltyShares).
contract RoyaltyShares is IRoyaltyShares, ERC1155, AccessControl, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ────────────────────────────────────────── constants ──────────────────────────────────────────

    /// @notice Shares per asset.
    uint256 public constant SUPPLY = 1_000_000;
    /// @notice Fixed-point scale of revenuePerShare. SCALE / SUPPLY is an integer, so crediting is exact.
    uint256 public constant SCALE = 1e18;
    /// @notice Most currencies a transfer settles; bounds the gas of every share transfer.
    uint256 public constant MAX_CURRENCIES = 8;

    /// @notice May mint an asset's shares once: the AssetRegistry.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May credit revenue: the payment contracts (LicenseManager).
    bytes32 public constant DEPOSITOR_ROLE = keccak256("DEPOSITOR_ROLE");
    /// @notice May pause credits and claims.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    // ─────────────────────────────────────────── storage ───────────────────────────────────────────

    /// @dev One holder's standing in one asset and currency: the accumulator value it was last settled
    ///      at, and what had accrued to it by then.
    struct Position {
        uint256 settledPerShare;
        uint256 accrued;
    }

    mapping(uint256 assetId => bool) private _minted;
    mapping(uint256 assetId => mapping(address currency => uint256)) private _revenuePerShare;
    mapping(uint256 assetId => mapping(address holder => mapping(address currency => Position))) private _positions;
    mapping(address currency => bool) private _tracked;
    address[] private _currencies;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Creates the share ledger; roles are granted by the deployment.
    /// @param admin Receives DEFAULT_ADMIN_ROLE and PAUSER_ROLE.
    constructor(address admin) ERC1155("") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
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
    function creditRevenue(uint256 assetId, address currency, uint256 amount)
        external
        payable
        onlyRole(DEPOSITOR_ROLE)
        whenNotPaused
        nonReentrant
    {
        if (!_minted[assetId]) revert RoyaltySharesUnknownAsset(assetId);
        if (amount == 0) revert RoyaltySharesZeroAmount();
        uint256 expectedValue = currency == address(0) ? amount : 0;
        if (msg.value != expectedValue) revert RoyaltySharesWrongValue(msg.value, expectedValue);
        _track(currency);

        uint256 perShare = _revenuePerShare[assetId][currency] + amount * (SCALE / SUPPLY);
        _revenuePerShare[assetId][currency] = perShare;
        emit RevenueCredited(assetId, currency, amount, perShare);

        if (currency != address(0)) IERC20(currency).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IRoyaltyShares
    function claim(uint256[] calldata assetIds, address[] calldata currencyList, address to)
        external
        whenNotPaused
        nonReentrant
        returns (uint256[] memory amounts)
    {
        if (to == address(0)) revert RoyaltySharesZeroRecipient();
        amounts = new uint256[](currencyList.length);
        for (uint256 c; c < currencyList.length; ++c) {
            for (uint256 a; a < assetIds.length; ++a) {
                amounts[c] += _claimOne(assetIds[a], currencyList[c], to);
            }
        }
        for (uint256 c; c < currencyList.length; ++c) {
            _pay(currencyList[c], to, amounts[c]);
        }
    }

    // ──────────────────────────────────────────── views ────────────────────────────────────────────

    /// @inheritdoc IRoyaltyShares
    function claimable(address holder, uint256 assetId, address currency) external view returns (uint256) {
        Position storage position = _positions[assetId][holder][currency];
        return position.accrued + _pending(holder, assetId, currency, position.settledPerShare);
    }

    /// @inheritdoc IRoyaltyShares
    function revenuePerShare(uint256 assetId, address currency) external view returns (uint256) {
        return _revenuePerShare[assetId][currency];
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

    /// @notice Stops credits and claims (share transfers keep working). PAUSER_ROLE.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes credits and claims. PAUSER_ROLE.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ────────────────────────────────────────── internal ───────────────────────────────────────────

    /// @dev The one hook every mint and transfer passes through: settle both sides in every tracked
    ///      currency before balances change, so revenue accrued so far stays with its earner.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        uint256 count = _currencies.length;
        for (uint256 i; i < ids.length; ++i) {
            for (uint256 c; c < count; ++c) {
                address currency = _currencies[c];
                if (from != address(0)) _settle(from, ids[i], currency);
                if (to != address(0)) _settle(to, ids[i], currency);
            }
        }
        super._update(from, to, ids, values);
    }

    function _settle(address holder, uint256 assetId, address currency) private {
        Position storage position = _positions[assetId][holder][currency];
        uint256 perShare = _revenuePerShare[assetId][currency];
        if (position.settledPerShare == perShare) return;
        position.accrued += _pending(holder, assetId, currency, position.settledPerShare);
        position.settledPerShare = perShare;
    }

    function _claimOne(uint256 assetId, address currency, address to) private returns (uint256 amount) {
        _settle(msg.sender, assetId, currency);
        Position storage position = _positions[assetId][msg.sender][currency];
        amount = position.accrued;
        if (amount == 0) return 0;
        position.accrued = 0;
        emit RevenueClaimed(msg.sender, assetId, currency, amount, to);
    }

    /// @dev Rounds down: the holder never receives more than its exact share; the remainder is dust.
    function _pending(address holder, uint256 assetId, address currency, uint256 settledPerShare)
        private
        view
        returns (uint256)
    {
        uint256 delta = _revenuePerShare[assetId][currency] - settledPerShare;
        return delta == 0 ? 0 : (balanceOf(holder, assetId) * delta) / SCALE;
    }

    function _track(address currency) private {
        if (_tracked[currency]) return;
        if (_currencies.length == MAX_CURRENCIES) revert RoyaltySharesTooManyCurrencies(MAX_CURRENCIES);
        _tracked[currency] = true;
        _currencies.push(currency);
        emit CurrencyTracked(currency, _currencies.length);
    }

    function _pay(address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        if (currency == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(currency).safeTransfer(to, amount);
    }
}
