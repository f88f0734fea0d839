// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ERC721} from "solady/src/tokens/ERC721.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {ICuratorRewards} from "./interfaces/ICuratorRewards.sol";
import {ILicenseManager} from "./interfaces/ILicenseManager.sol";
import {IRevenueVault} from "./interfaces/IRevenueVault.sol";
import {IRoyaltyShares} from "./interfaces/IRoyaltyShares.sol";

/// @title LicenseManager
/// @notice Offers and ERC-721 licenses for Tessera's assets (see ILicenseManager), and the vault that
///         holds sale proceeds until shareholders claim them (see IRevenueVault).
/// @dev Solady's ERC721 keeps 96 bits of per-token data in the owner's slot; a license's offer, expiry
///      and seats live there, so minting a license writes one new slot instead of two.
contract LicenseManager is
    ILicenseManager,
    IRevenueVault,
    ERC721,
    AccessControl,
    Pausable,
    ReentrancyGuardTransient
{
    using SafeERC20 for IERC20;

    // ────────────────────────────────────────── constants ──────────────────────────────────────────

    /// @notice May set fees, the treasury and the currency allow-list.
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");
    /// @notice May pause purchases and renewals.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Cap on the protocol fee (10%).
    uint16 public constant MAX_PROTOCOL_FEE_BPS = 1_000;
    /// @notice Cap on the curator share (20%).
    uint16 public constant MAX_CURATOR_BPS = 2_000;
    uint256 private constant BPS = 10_000;

    // ─────────────────────────────────────────── storage ───────────────────────────────────────────

    /// @dev Written only by seat changes and transfers of a license with delegates; the epoch makes
    ///      every earlier delegation stale at once when a license changes hands.
    struct Delegation {
        uint32 delegates;
        uint16 epoch;
    }

    /// @dev Layout of a license's 96 bits of token data: offerId | expiresAt << 32 | seats << 72.
    uint256 private constant EXPIRY_SHIFT = 32;
    uint256 private constant SEATS_SHIFT = 72;
    uint256 private constant MAX_SEATS = type(uint24).max;
    uint256 private constant MAX_EXPIRY = type(uint40).max;
    /// @dev Highest rights bitmask: the four rights of ILicenseManager.Terms.
    uint8 private constant ALL_RIGHTS = 15;

    /// @notice The registry whose owners create offers.
    IAssetRegistry public immutable REGISTRY;
    /// @notice Where shareholders' revenue is credited.
    IRoyaltyShares public immutable SHARES;
    /// @notice Where the curator share goes.
    ICuratorRewards public immutable CURATORS;

    /// @inheritdoc ILicenseManager
    address public treasury;
    /// @inheritdoc ILicenseManager
    uint16 public protocolFeeBps;
    /// @inheritdoc ILicenseManager
    uint16 public curatorBps;
    /// @inheritdoc ILicenseManager
    uint256 public offerCount;
    /// @inheritdoc ILicenseManager
    uint256 public licenseCount;
    mapping(uint256 offerId => Offer) private _offers;
    mapping(uint256 licenseId => Delegation) private _delegation;
    mapping(uint256 licenseId => mapping(address account => uint16 epochPlusOne)) private _delegates;
    /// @inheritdoc ILicenseManager
    mapping(address currency => bool) public allowedCurrency;
    /// @inheritdoc ILicenseManager
    mapping(address currency => uint256) public accruedProtocolFees;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Creates the license manager; fees start as given and can be changed by FEE_MANAGER_ROLE.
    /// @param admin Receives the admin, fee-manager and pauser roles.
    /// @param registry The asset registry.
    /// @param shares The royalty shares (must name this contract its vault).
    /// @param curators The staking pool (must grant this contract its reward-notifier role).
    /// @param treasury_ Receives protocol fees.
    /// @param protocolFeeBps_ Protocol fee, at most MAX_PROTOCOL_FEE_BPS.
    /// @param curatorBps_ Curator share, at most MAX_CURATOR_BPS.
    constructor(
        address admin,
        IAssetRegistry registry,
        IRoyaltyShares shares,
        ICuratorRewards curators,
        address treasury_,
        uint16 protocolFeeBps_,
        uint16 curatorBps_
    ) {
        REGISTRY = registry;
        SHARES = shares;
        CURATORS = curators;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(FEE_MANAGER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _setTreasury(treasury_);
        _setFees(protocolFeeBps_, curatorBps_);
    }

    // ─────────────────────────────────────────── offers ────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function createOffer(uint256 assetId, Terms calldata terms) external returns (uint256 offerId) {
        _requireAssetOwner(assetId);
        if (terms.price == 0) revert LicenseManagerZeroPrice();
        if (terms.rights == 0 || terms.rights > ALL_RIGHTS) revert LicenseManagerRightsOutOfRange(terms.rights);
        if (terms.currency != address(0) && !allowedCurrency[terms.currency]) {
            revert LicenseManagerCurrencyNotAllowed(terms.currency);
        }
        if (terms.pinnedVersion != 0) {
            (, uint32 versions) = REGISTRY.assetOf(assetId);
            if (terms.pinnedVersion > versions) revert LicenseManagerUnknownVersion(assetId, terms.pinnedVersion);
        }
        offerId = ++offerCount;
        // Licenses store their offer's id in 32 bits.
        if (offerId > type(uint32).max) revert LicenseManagerTooManyOffers();
        _offers[offerId] = Offer({
            assetId: uint64(assetId),
            period: terms.period,
            maxLicenses: terms.maxLicenses,
            sold: 0,
            pinnedVersion: terms.pinnedVersion,
            rights: terms.rights,
            transferable: terms.transferable,
            retired: false,
            currency: terms.currency,
            price: terms.price,
            termsHash: terms.termsHash
        });
        _emitOfferCreated(offerId, assetId, terms);
    }

    /// @inheritdoc ILicenseManager
    function retireOffer(uint256 offerId) external {
        Offer storage offer = _offer(offerId);
        _requireAssetOwner(offer.assetId);
        offer.retired = true;
        emit OfferRetired(offerId, offer.assetId);
    }

    // ────────────────────────────────────────── purchase ───────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function purchase(uint256 offerId, uint32 seats, uint32 periods, address to, uint256 maxTotal)
        external
        payable
        whenNotPaused
        nonReentrant
        returns (uint256 licenseId)
    {
        return _purchase(offerId, seats, periods, to, maxTotal);
    }

    /// @inheritdoc ILicenseManager
    function purchaseWithPermit(
        uint256 offerId,
        uint32 seats,
        uint32 periods,
        address to,
        uint256 maxTotal,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external whenNotPaused nonReentrant returns (uint256 licenseId) {
        address currency = _offer(offerId).currency;
        // A front-run permit only spends the signature; the allowance it set is still there.
        try IERC20Permit(currency).permit(msg.sender, address(this), maxTotal, deadline, v, r, s) {} catch {}
        return _purchase(offerId, seats, periods, to, maxTotal);
    }

    /// @inheritdoc ILicenseManager
    function renew(uint256 licenseId, uint32 periods) external payable whenNotPaused nonReentrant {
        _renew(licenseId, periods);
    }

    /// @inheritdoc ILicenseManager
    function renewWithPermit(uint256 licenseId, uint32 periods, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        whenNotPaused
        nonReentrant
    {
        (uint256 offerId,, uint256 seats) = _unpack(_licenseData(licenseId));
        Offer storage offer = _offers[offerId];
        if (offer.currency == address(0)) revert LicenseManagerWrongValue(0, uint256(offer.price) * seats * periods);
        // A front-run permit only spends the signature; the allowance it set is still there.
        try IERC20Permit(offer.currency).permit(
            msg.sender, address(this), uint256(offer.price) * seats * periods, deadline, v, r, s
        ) {}
            catch {}
        _renew(licenseId, periods);
    }

    /// @dev Extends the license by `periods` and pays for them (msg.value for ETH, a pull for ERC-20).
    function _renew(uint256 licenseId, uint32 periods) private {
        (uint256 offerId, uint256 expiresAt, uint256 seats) = _unpack(_licenseData(licenseId));
        Offer storage offer = _offers[offerId];
        if (offer.period == 0) revert LicenseManagerPerpetual(licenseId);
        _requireAllowedCurrency(offer.currency);
        if (periods == 0) revert LicenseManagerInvalidQuantity(seats, periods);
        uint256 total = uint256(offer.price) * seats * periods;
        uint256 from = expiresAt > block.timestamp ? expiresAt : block.timestamp;
        uint256 newExpiry = from + uint256(offer.period) * periods;
        if (newExpiry > MAX_EXPIRY) revert LicenseManagerExpiryOverflow(newExpiry, MAX_EXPIRY);
        _setExtraData(licenseId, _pack(offerId, newExpiry, seats));
        emit LicenseRenewed(licenseId, msg.sender, uint64(newExpiry), total);
        _collect(offer.currency, total);
        _distribute(licenseId, offer.assetId, offer.currency, total);
        _refundSurplus(offer.currency, total);
    }

    // ────────────────────────────────────────── seats ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function delegateSeat(uint256 licenseId, address account) external {
        (,, uint256 seats) = _unpack(_holderLicenseData(licenseId));
        Delegation storage delegation = _delegation[licenseId];
        if (_delegates[licenseId][account] == delegation.epoch + 1) {
            revert LicenseManagerAlreadyDelegated(licenseId, account);
        }
        // The holder occupies one seat itself.
        if (delegation.delegates + 1 >= seats) revert LicenseManagerNoFreeSeat(licenseId, uint32(seats));
        _delegates[licenseId][account] = delegation.epoch + 1;
        emit SeatDelegated(licenseId, account, ++delegation.delegates);
    }

    /// @inheritdoc ILicenseManager
    function revokeSeat(uint256 licenseId, address account) external {
        _holderLicenseData(licenseId);
        Delegation storage delegation = _delegation[licenseId];
        if (_delegates[licenseId][account] != delegation.epoch + 1) {
            revert LicenseManagerNotDelegated(licenseId, account);
        }
        delete _delegates[licenseId][account];
        emit SeatRevoked(licenseId, account, --delegation.delegates);
    }

    // ────────────────────────────────────────── views ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function isValid(uint256 licenseId, address account) external view returns (bool) {
        (uint256 offerId, uint256 expiresAt,) = _unpack(_getExtraData(licenseId));
        if (offerId == 0) return false;
        if (expiresAt != 0 && expiresAt <= block.timestamp) return false;
        return _ownerOf(licenseId) == account || _delegates[licenseId][account] == _delegation[licenseId].epoch + 1;
    }

    /// @inheritdoc ILicenseManager
    function offerOf(uint256 offerId) external view returns (Offer memory) {
        return _offer(offerId);
    }

    /// @inheritdoc ILicenseManager
    function licenseOf(uint256 licenseId) external view returns (License memory) {
        (uint256 offerId, uint256 expiresAt, uint256 seats) = _unpack(_licenseData(licenseId));
        Delegation memory delegation = _delegation[licenseId];
        return License({
            offerId: uint32(offerId),
            expiresAt: uint40(expiresAt),
            seats: uint32(seats),
            delegates: delegation.delegates,
            epoch: delegation.epoch,
            price: _offers[offerId].price
        });
    }

    /// @notice The license collection's name.
    /// @return "Tessera License".
    function name() public pure override returns (string memory) {
        return "Tessera License";
    }

    /// @notice The license collection's symbol.
    /// @return "TSRL".
    function symbol() public pure override returns (string memory) {
        return "TSRL";
    }

    /// @notice Licenses carry no metadata URI: their terms are on chain and in the offer's events.
    /// @param licenseId An existing license.
    /// @return The empty string.
    function tokenURI(uint256 licenseId) public view override returns (string memory) {
        _licenseData(licenseId);
        return "";
    }

    /// @notice ERC-165: ERC-721 (with metadata) and AccessControl.
    /// @param interfaceId The interface.
    /// @return Whether it is supported.
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return ERC721.supportsInterface(interfaceId) || AccessControl.supportsInterface(interfaceId);
    }

    // ─────────────────────────────────────── ERC-721 entry points ────────────────────────────────────

    /// @notice Approves `account` to transfer a license. Solady's ERC721 makes this payable; ETH sent
    ///         here would sit outside the books for good, so it is refused.
    /// @param account The approved account (zero to clear).
    /// @param licenseId The license.
    function approve(address account, uint256 licenseId) public payable override {
        _refuseEth();
        super.approve(account, licenseId);
    }

    /// @notice Transfers a license (transferable offers only). Payable in Solady's ERC721; ETH is
    ///         refused. Both safeTransferFrom overloads call this function, so they refuse it too.
    /// @param from The holder.
    /// @param to The new holder.
    /// @param licenseId The license.
    function transferFrom(address from, address to, uint256 licenseId) public payable override {
        _refuseEth();
        super.transferFrom(from, to, licenseId);
    }

    // ────────────────────────────────────────── vault ──────────────────────────────────────────────

    /// @inheritdoc IRevenueVault
    function release(address currency, address to, uint256 amount) external nonReentrant {
        if (msg.sender != address(SHARES)) revert LicenseManagerNotShares(msg.sender);
        _pay(currency, to, amount);
    }

    // ────────────────────────────────────────── admin ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function withdrawProtocolFees(address currency) external nonReentrant {
        uint256 amount = accruedProtocolFees[currency];
        accruedProtocolFees[currency] = 0;
        emit ProtocolFeesWithdrawn(currency, treasury, amount);
        _pay(currency, treasury, amount);
    }

    /// @inheritdoc ILicenseManager
    function setFees(uint16 protocolFeeBps_, uint16 curatorBps_) external onlyRole(FEE_MANAGER_ROLE) {
        _setFees(protocolFeeBps_, curatorBps_);
    }

    /// @inheritdoc ILicenseManager
    function setTreasury(address treasury_) external onlyRole(FEE_MANAGER_ROLE) {
        _setTreasury(treasury_);
    }

    /// @inheritdoc ILicenseManager
    function setCurrencyAllowed(address currency, bool allowed) external onlyRole(FEE_MANAGER_ROLE) {
        if (currency == address(0)) revert LicenseManagerCurrencyNotAllowed(currency);
        allowedCurrency[currency] = allowed;
        // The pool pulls the curator share from here; shareholders' revenue stays here until claimed.
        IERC20(currency).forceApprove(address(CURATORS), allowed ? type(uint256).max : 0);
        if (allowed) SHARES.trackCurrency(currency);
        emit CurrencyAllowed(currency, allowed);
    }

    /// @inheritdoc ILicenseManager
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @inheritdoc ILicenseManager
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ────────────────────────────────────────── internal ───────────────────────────────────────────

    function _purchase(uint256 offerId, uint32 seats, uint32 periods, address to, uint256 maxTotal)
        private
        returns (uint256 licenseId)
    {
        Offer storage offer = _offer(offerId);
        uint256 total = _quote(offer, offerId, seats, periods, to, maxTotal);
        licenseId = _issue(offer, offerId, seats, periods, to);
        (uint256 assetId, address currency) = (offer.assetId, offer.currency);
        _collect(currency, total);
        _distribute(licenseId, assetId, currency, total);
        _refundSurplus(currency, total);
    }

    /// @dev Every check a purchase must pass; returns what it costs.
    function _quote(Offer storage offer, uint256 offerId, uint32 seats, uint32 periods, address to, uint256 maxTotal)
        private
        view
        returns (uint256 total)
    {
        if (offer.retired) revert LicenseManagerOfferRetired(offerId);
        _requireAllowedCurrency(offer.currency);
        if (offer.maxLicenses != 0 && offer.sold >= offer.maxLicenses) {
            revert LicenseManagerSoldOut(offerId, offer.maxLicenses);
        }
        if (seats == 0 || seats > MAX_SEATS || periods == 0 || (offer.period == 0 && periods != 1)) {
            revert LicenseManagerInvalidQuantity(seats, periods);
        }
        uint256 expiresAt = block.timestamp + uint256(offer.period) * periods;
        if (expiresAt > MAX_EXPIRY) revert LicenseManagerExpiryOverflow(expiresAt, MAX_EXPIRY);
        if (to == address(0)) revert LicenseManagerZeroRecipient();
        total = uint256(offer.price) * seats * periods;
        if (total > maxTotal) revert LicenseManagerAboveMaxTotal(total, maxTotal);
    }

    /// @dev Mints the license with its offer, expiry and seats packed into the token's own slot.
    function _issue(Offer storage offer, uint256 offerId, uint32 seats, uint32 periods, address to)
        private
        returns (uint256 licenseId)
    {
        licenseId = ++licenseCount;
        uint40 expiresAt = offer.period == 0 ? 0 : uint40(block.timestamp + uint256(offer.period) * periods);
        uint32 sold = ++offer.sold;
        _mintAndSetExtraDataUnchecked(to, licenseId, _pack(offerId, expiresAt, seats));
        emit LicensePurchased(licenseId, offerId, offer.assetId, to, msg.sender, seats, expiresAt, sold);
    }

    /// @dev Takes `total` from the payer; an ERC-20 must arrive in full (fee-on-transfer tokens are
    ///      rejected). ETH surplus is refunded by _refundSurplus once all state is written.
    function _collect(address currency, uint256 total) private {
        if (currency == address(0)) {
            if (msg.value < total) revert LicenseManagerWrongValue(msg.value, total);
            return;
        }
        if (msg.value != 0) revert LicenseManagerWrongValue(msg.value, 0);
        uint256 before = IERC20(currency).balanceOf(address(this));
        IERC20(currency).safeTransferFrom(msg.sender, address(this), total);
        uint256 received = IERC20(currency).balanceOf(address(this)) - before;
        if (received != total) revert LicenseManagerTokenShortfall(received, total);
    }

    /// @dev Splits a payment: fee accrues for the treasury; parents' shareholders, stakers and the
    ///      asset's shareholders are credited. The asset's shareholders take every rounding remainder.
    function _distribute(uint256 licenseId, uint256 assetId, address currency, uint256 total) private {
        uint256 fee = (total * protocolFeeBps) / BPS;
        uint256 upstream;
        uint256 curators;
        accruedProtocolFees[currency] += fee;
        IAssetRegistry.Parent[] memory parents = REGISTRY.parentsOf(assetId);
        for (uint256 i; i < parents.length; ++i) {
            uint256 part = (total * parents[i].bps) / BPS;
            upstream += part;
            _credit(parents[i].assetId, currency, part);
            emit UpstreamPaid(licenseId, parents[i].assetId, currency, part);
        }
        // A curator share that rounds to zero is not a reward: the pool refuses a zero amount.
        uint256 share = (total * curatorBps) / BPS;
        if (share != 0 && CURATORS.acceptsReward(assetId, currency)) {
            curators = share;
            CURATORS.notifyReward{value: currency == address(0) ? curators : 0}(assetId, currency, curators);
        }
        uint256 rest = total - fee - upstream - curators;
        emit PaymentSplit(licenseId, assetId, currency, total, fee, upstream, curators, rest);
        _credit(assetId, currency, rest);
    }

    /// @dev The funds stay here (the vault); the shares only record who may claim them.
    function _credit(uint256 assetId, address currency, uint256 amount) private {
        if (amount == 0) return;
        SHARES.creditRevenue(assetId, currency, amount);
    }

    function _refuseEth() private view {
        if (msg.value != 0) revert LicenseManagerWrongValue(msg.value, 0);
    }

    function _refundSurplus(address currency, uint256 total) private {
        if (currency == address(0) && msg.value > total) Address.sendValue(payable(msg.sender), msg.value - total);
    }

    function _pay(address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        if (currency == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(currency).safeTransfer(to, amount);
    }

    /// @dev The one hook every license transfer passes through: soulbound licenses cannot move, and
    ///      a moved license with delegates starts a new delegation epoch (old staff lose their seats).
    function _beforeTokenTransfer(address from, address to, uint256 licenseId) internal override {
        if (from == address(0) || to == address(0)) return;
        (uint256 offerId,,) = _unpack(_getExtraData(licenseId));
        if (!_offers[offerId].transferable) revert LicenseManagerSoulbound(licenseId);
        Delegation storage delegation = _delegation[licenseId];
        if (delegation.delegates != 0) {
            ++delegation.epoch;
            delegation.delegates = 0;
        }
    }

    function _emitOfferCreated(uint256 offerId, uint256 assetId, Terms calldata t) private {
        emit OfferCreated(
            offerId,
            assetId,
            t.price,
            t.currency,
            t.period,
            t.maxLicenses,
            t.pinnedVersion,
            t.rights,
            t.transferable,
            t.termsHash
        );
    }

    function _setFees(uint16 protocolFeeBps_, uint16 curatorBps_) private {
        if (protocolFeeBps_ > MAX_PROTOCOL_FEE_BPS) revert LicenseManagerFeeAboveCap(protocolFeeBps_, MAX_PROTOCOL_FEE_BPS);
        if (curatorBps_ > MAX_CURATOR_BPS) revert LicenseManagerFeeAboveCap(curatorBps_, MAX_CURATOR_BPS);
        protocolFeeBps = protocolFeeBps_;
        curatorBps = curatorBps_;
        emit FeesSet(protocolFeeBps_, curatorBps_);
    }

    function _setTreasury(address treasury_) private {
        if (treasury_ == address(0)) revert LicenseManagerZeroTreasury();
        treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    /// @dev ETH is always accepted; an ERC-20 only while allowed, for every offer and asset alike.
    function _requireAllowedCurrency(address currency) private view {
        if (currency != address(0) && !allowedCurrency[currency]) revert LicenseManagerCurrencyNotAllowed(currency);
    }

    function _requireAssetOwner(uint256 assetId) private view {
        address owner = IERC721(address(REGISTRY)).ownerOf(assetId);
        if (owner != msg.sender) revert LicenseManagerNotAssetOwner(assetId, msg.sender);
    }

    function _offer(uint256 offerId) private view returns (Offer storage offer) {
        offer = _offers[offerId];
        if (offer.assetId == 0) revert LicenseManagerUnknownOffer(offerId);
    }

    function _licenseData(uint256 licenseId) private view returns (uint96 data) {
        data = _getExtraData(licenseId);
        if (data == 0) revert LicenseManagerUnknownLicense(licenseId);
    }

    function _holderLicenseData(uint256 licenseId) private view returns (uint96 data) {
        data = _licenseData(licenseId);
        if (_ownerOf(licenseId) != msg.sender) revert LicenseManagerNotHolder(licenseId, msg.sender);
    }

    function _pack(uint256 offerId, uint256 expiresAt, uint256 seats) private pure returns (uint96) {
        return uint96(offerId | (expiresAt << EXPIRY_SHIFT) | (seats << SEATS_SHIFT));
    }

    function _unpack(uint96 data) private pure returns (uint256 offerId, uint256 expiresAt, uint256 seats) {
        offerId = uint32(data);
        expiresAt = uint40(data >> EXPIRY_SHIFT);
        seats = uint24(data >> SEATS_SHIFT);
    }
}
