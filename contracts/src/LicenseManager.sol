// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {ICuratorRewards} from "./interfaces/ICuratorRewards.sol";
import {ILicenseManager} from "./interfaces/ILicenseManager.sol";
import {IRoyaltyShares} from "./interfaces/IRoyaltyShares.sol";

/// @title LicenseManager
/// @notice Offers and ERC-721 licences for Tessera's assets (see ILicenseManager).
contract LicenseManager is ILicenseManager, ERC721, AccessControl, Pausable, ReentrancyGuardTransient {
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

    struct Offer {
        uint64 assetId;
        uint32 period;
        uint32 maxLicences;
        uint32 sold;
        uint32 pinnedVersion;
        uint8 rights;
        bool transferable;
        bool retired;
        address currency;
        uint96 price;
        bytes32 termsHash;
    }

    struct Licence {
        uint32 offerId;
        uint40 expiresAt;
        uint32 seats;
        uint32 delegates;
        uint16 epoch;
        uint96 price;
    }

    /// @notice The registry whose owners create offers.
    IAssetRegistry public immutable REGISTRY;
    /// @notice Where shareholders' revenue is credited.
    IRoyaltyShares public immutable SHARES;
    /// @notice Where the curator share goes.
    ICuratorRewards public immutable CURATORS;

    /// @notice Receives protocol fees.
    address public treasury;
    /// @notice Protocol fee per payment, in basis points.
    uint16 public protocolFeeBps;
    /// @notice Curator share per payment (to the asset's stakers), in basis points.
    uint16 public curatorBps;
    /// @notice Offers created so far (the highest offer id).
    uint256 public offerCount;
    /// @notice Licences sold so far (the highest licence id).
    uint256 public licenceCount;
    mapping(uint256 offerId => Offer) private _offers;
    mapping(uint256 licenceId => Licence) private _licences;
    mapping(uint256 licenceId => mapping(address account => uint16 epochPlusOne)) private _delegates;
    /// @notice ERC-20s that offers may be priced in (ETH always may).
    mapping(address currency => bool) public allowedCurrency;
    /// @notice Protocol fees held for the treasury, per currency.
    mapping(address currency => uint256) public accruedProtocolFees;

    // ───────────────────────────────────────── constructor ─────────────────────────────────────────

    /// @notice Creates the licence manager; fees start as given and can be changed by FEE_MANAGER_ROLE.
    /// @param admin Receives the admin, fee-manager and pauser roles.
    /// @param registry The asset registry.
    /// @param shares The royalty shares (must grant this contract DEPOSITOR_ROLE).
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
    ) ERC721("Tessera Licence", "TSRL") {
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
        if (terms.rights == 0 || terms.rights > 15) revert LicenseManagerNoRights();
        if (terms.currency != address(0) && !allowedCurrency[terms.currency]) {
            revert LicenseManagerCurrencyNotAllowed(terms.currency);
        }
        if (terms.pinnedVersion != 0) {
            (, uint32 versions) = REGISTRY.assetOf(assetId);
            if (terms.pinnedVersion > versions) revert LicenseManagerUnknownVersion(assetId, terms.pinnedVersion);
        }
        offerId = ++offerCount;
        _offers[offerId] = Offer({
            assetId: uint64(assetId),
            period: terms.period,
            maxLicences: terms.maxLicences,
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
        returns (uint256 licenceId)
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
    ) external whenNotPaused nonReentrant returns (uint256 licenceId) {
        address currency = _offer(offerId).currency;
        // A front-run permit only spends the signature; the allowance it set is still there.
        try IERC20Permit(currency).permit(msg.sender, address(this), maxTotal, deadline, v, r, s) {} catch {}
        return _purchase(offerId, seats, periods, to, maxTotal);
    }

    /// @inheritdoc ILicenseManager
    function renew(uint256 licenceId, uint32 periods) external payable whenNotPaused nonReentrant {
        Licence storage licence = _licence(licenceId);
        Offer storage offer = _offers[licence.offerId];
        if (offer.period == 0) revert LicenseManagerPerpetual(licenceId);
        if (periods == 0) revert LicenseManagerInvalidQuantity(licence.seats, periods);
        uint256 total = uint256(licence.price) * licence.seats * periods;
        uint256 from = licence.expiresAt > block.timestamp ? licence.expiresAt : block.timestamp;
        licence.expiresAt = uint40(from + uint256(offer.period) * periods);
        emit LicenceRenewed(licenceId, msg.sender, licence.expiresAt, total);
        _collect(offer.currency, total);
        _distribute(licenceId, offer.assetId, offer.currency, total);
    }

    // ────────────────────────────────────────── seats ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function delegateSeat(uint256 licenceId, address account) external {
        Licence storage licence = _holderLicence(licenceId);
        if (_delegates[licenceId][account] == licence.epoch + 1) {
            revert LicenseManagerAlreadyDelegated(licenceId, account);
        }
        // The holder occupies one seat itself.
        if (licence.delegates + 1 >= licence.seats) revert LicenseManagerNoFreeSeat(licenceId, licence.seats);
        _delegates[licenceId][account] = licence.epoch + 1;
        emit SeatDelegated(licenceId, account, ++licence.delegates);
    }

    /// @inheritdoc ILicenseManager
    function revokeSeat(uint256 licenceId, address account) external {
        Licence storage licence = _holderLicence(licenceId);
        if (_delegates[licenceId][account] != licence.epoch + 1) revert LicenseManagerNotDelegated(licenceId, account);
        delete _delegates[licenceId][account];
        emit SeatRevoked(licenceId, account, --licence.delegates);
    }

    // ────────────────────────────────────────── views ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function isValid(uint256 licenceId, address account) external view returns (bool) {
        Licence storage licence = _licences[licenceId];
        if (licence.offerId == 0) return false;
        if (licence.expiresAt != 0 && licence.expiresAt <= block.timestamp) return false;
        return _ownerOf(licenceId) == account || _delegates[licenceId][account] == licence.epoch + 1;
    }

    /// @notice An offer's terms and sales.
    /// @param offerId The offer.
    /// @return The stored offer.
    function offerOf(uint256 offerId) external view returns (Offer memory) {
        return _offer(offerId);
    }

    /// @notice A licence's seats, expiry and recorded price.
    /// @param licenceId The licence.
    /// @return The stored licence.
    function licenceOf(uint256 licenceId) external view returns (Licence memory) {
        return _licence(licenceId);
    }

    /// @inheritdoc ERC721
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    // ────────────────────────────────────────── admin ──────────────────────────────────────────────

    /// @inheritdoc ILicenseManager
    function withdrawProtocolFees(address currency) external nonReentrant {
        uint256 amount = accruedProtocolFees[currency];
        accruedProtocolFees[currency] = 0;
        emit ProtocolFeesWithdrawn(currency, treasury, amount);
        _pay(currency, treasury, amount);
    }

    /// @notice Sets the protocol fee and curator share. FEE_MANAGER_ROLE.
    /// @param protocolFeeBps_ At most MAX_PROTOCOL_FEE_BPS.
    /// @param curatorBps_ At most MAX_CURATOR_BPS.
    function setFees(uint16 protocolFeeBps_, uint16 curatorBps_) external onlyRole(FEE_MANAGER_ROLE) {
        _setFees(protocolFeeBps_, curatorBps_);
    }

    /// @notice Sets where protocol fees go. FEE_MANAGER_ROLE.
    /// @param treasury_ The new treasury; not zero.
    function setTreasury(address treasury_) external onlyRole(FEE_MANAGER_ROLE) {
        _setTreasury(treasury_);
    }

    /// @notice Allows or disallows an ERC-20 as a payment currency. FEE_MANAGER_ROLE.
    /// @param currency The token; fee-on-transfer tokens are rejected at purchase by a balance check.
    /// @param allowed Whether new offers may use it.
    function setCurrencyAllowed(address currency, bool allowed) external onlyRole(FEE_MANAGER_ROLE) {
        if (currency == address(0)) revert LicenseManagerCurrencyNotAllowed(currency);
        allowedCurrency[currency] = allowed;
        // The shares and the pool pull their parts from here.
        uint256 allowance = allowed ? type(uint256).max : 0;
        IERC20(currency).forceApprove(address(SHARES), allowance);
        IERC20(currency).forceApprove(address(CURATORS), allowance);
        emit CurrencyAllowed(currency, allowed);
    }

    /// @notice Stops purchases and renewals. PAUSER_ROLE.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes purchases and renewals. PAUSER_ROLE.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ────────────────────────────────────────── internal ───────────────────────────────────────────

    function _purchase(uint256 offerId, uint32 seats, uint32 periods, address to, uint256 maxTotal)
        private
        returns (uint256 licenceId)
    {
        Offer storage offer = _offer(offerId);
        if (offer.retired) revert LicenseManagerOfferRetired(offerId);
        if (offer.maxLicences != 0 && offer.sold >= offer.maxLicences) {
            revert LicenseManagerSoldOut(offerId, offer.maxLicences);
        }
        if (seats == 0 || periods == 0 || (offer.period == 0 && periods != 1)) {
            revert LicenseManagerInvalidQuantity(seats, periods);
        }
        if (to == address(0)) revert LicenseManagerZeroRecipient();
        uint256 total = uint256(offer.price) * seats * periods;
        if (total > maxTotal) revert LicenseManagerAboveMaxTotal(total, maxTotal);

        licenceId = ++licenceCount;
        uint40 expiresAt = offer.period == 0 ? 0 : uint40(block.timestamp + uint256(offer.period) * periods);
        _licences[licenceId] = Licence({
            offerId: uint32(offerId), expiresAt: expiresAt, seats: seats, delegates: 0, epoch: 0, price: offer.price
        });
        uint32 sold = ++offer.sold;
        _mint(to, licenceId);
        emit LicencePurchased(licenceId, offerId, offer.assetId, to, msg.sender, seats, expiresAt, sold);
        _collect(offer.currency, total);
        _distribute(licenceId, offer.assetId, offer.currency, total);
    }

    /// @dev Takes `total` from the payer: ETH refunds any surplus over it at the end of the call;
    ///      an ERC-20 must arrive in full (fee-on-transfer tokens are rejected).
    function _collect(address currency, uint256 total) private {
        if (currency == address(0)) {
            if (msg.value < total) revert LicenseManagerWrongValue(msg.value, total);
            if (msg.value > total) Address.sendValue(payable(msg.sender), msg.value - total);
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
    function _distribute(uint256 licenceId, uint256 assetId, address currency, uint256 total) private {
        uint256 fee = (total * protocolFeeBps) / BPS;
        uint256 upstream;
        uint256 curators;
        accruedProtocolFees[currency] += fee;
        IAssetRegistry.Parent[] memory parents = REGISTRY.parentsOf(assetId);
        for (uint256 i; i < parents.length; ++i) {
            uint256 part = (total * parents[i].bps) / BPS;
            upstream += part;
            _credit(parents[i].assetId, currency, part);
            emit UpstreamPaid(licenceId, parents[i].assetId, currency, part);
        }
        if (curatorBps != 0 && CURATORS.acceptsReward(assetId, currency)) {
            curators = (total * curatorBps) / BPS;
            CURATORS.notifyReward{value: currency == address(0) ? curators : 0}(assetId, currency, curators);
        }
        uint256 rest = total - fee - upstream - curators;
        emit PaymentSplit(licenceId, assetId, currency, total, fee, upstream, curators, rest);
        _credit(assetId, currency, rest);
    }

    function _credit(uint256 assetId, address currency, uint256 amount) private {
        if (amount == 0) return;
        SHARES.creditRevenue{value: currency == address(0) ? amount : 0}(assetId, currency, amount);
    }

    function _pay(address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        if (currency == address(0)) Address.sendValue(payable(to), amount);
        else IERC20(currency).safeTransfer(to, amount);
    }

    /// @dev The one hook every licence mint and transfer passes through: soulbound licences cannot
    ///      move, and a moved licence starts a new delegation epoch (old staff lose their seats).
    function _update(address to, uint256 licenceId, address auth) internal override returns (address from) {
        from = super._update(to, licenceId, auth);
        if (from != address(0) && to != address(0)) {
            Licence storage licence = _licences[licenceId];
            if (!_offers[licence.offerId].transferable) revert LicenseManagerSoulbound(licenceId);
            ++licence.epoch;
            licence.delegates = 0;
        }
    }

    function _emitOfferCreated(uint256 offerId, uint256 assetId, Terms calldata t) private {
        emit OfferCreated(
            offerId,
            assetId,
            t.price,
            t.currency,
            t.period,
            t.maxLicences,
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
        if (treasury_ == address(0)) revert LicenseManagerZeroRecipient();
        treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    function _requireAssetOwner(uint256 assetId) private view {
        address owner = IERC721(address(REGISTRY)).ownerOf(assetId);
        if (owner != msg.sender) revert LicenseManagerNotAssetOwner(assetId, msg.sender);
    }

    function _offer(uint256 offerId) private view returns (Offer storage offer) {
        offer = _offers[offerId];
        if (offer.assetId == 0) revert LicenseManagerUnknownOffer(offerId);
    }

    function _licence(uint256 licenceId) private view returns (Licence storage licence) {
        licence = _licences[licenceId];
        if (licence.offerId == 0) revert LicenseManagerUnknownLicence(licenceId);
    }

    function _holderLicence(uint256 licenceId) private view returns (Licence storage licence) {
        licence = _licence(licenceId);
        if (_ownerOf(licenceId) != msg.sender) revert LicenseManagerNotHolder(licenceId, msg.sender);
    }
}
