// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ILicenseManager
/// @notice License offers on Tessera's assets and the ERC-721 licenses clinics buy from them. A
///         payment is split in the same transaction: protocol fee (accrued for the treasury), upstream
///         royalties to the parents' shareholders, the curator share to the asset's stakers, and the
///         rest to the asset's shareholders.
interface ILicenseManager {
    /// @notice Usage rights, as bits of `Terms.rights`.
    /// @dev RESEARCH = 1, CLINICAL = 2, COMMERCIAL = 4, DERIVATIVE_TRAINING = 8.
    struct Terms {
        uint96 price;
        address currency;
        uint32 period;
        uint32 maxLicenses;
        uint32 pinnedVersion;
        uint8 rights;
        bool transferable;
        bytes32 termsHash;
    }

    /// @notice An offer was created by the asset's owner.
    /// @param offerId The new offer (sequential, from 1).
    /// @param assetId The asset licensed.
    /// @param price Price per seat per period (per seat when perpetual).
    /// @param currency address(0) for ETH, else an allow-listed ERC-20.
    /// @param period Seconds one period lasts; 0 = perpetual.
    /// @param maxLicenses Cap on licenses sold; 0 = no cap.
    /// @param pinnedVersion The version licensed; 0 = always the latest.
    /// @param rights Usage-rights bitmask.
    /// @param transferable Whether licenses can change hands (else soulbound).
    /// @param termsHash sha256 of the legal terms text.
    event OfferCreated(
        uint256 indexed offerId,
        uint256 indexed assetId,
        uint96 price,
        address currency,
        uint32 period,
        uint32 maxLicenses,
        uint32 pinnedVersion,
        uint8 rights,
        bool transferable,
        bytes32 termsHash
    );

    /// @notice An offer stopped selling; licenses already sold stay valid and renewable.
    /// @param offerId The offer.
    /// @param assetId Its asset.
    event OfferRetired(uint256 indexed offerId, uint256 indexed assetId);

    /// @notice A license was bought; PaymentSplit follows with how the payment was divided.
    /// @param licenseId The new license token.
    /// @param offerId The offer it was bought from.
    /// @param assetId The asset licensed.
    /// @param holder Who holds the license.
    /// @param payer Who paid.
    /// @param seats Seats bought.
    /// @param expiresAt When it expires; 0 = perpetual.
    /// @param soldCount Licenses sold from this offer so far.
    event LicensePurchased(
        uint256 indexed licenseId,
        uint256 indexed offerId,
        uint256 indexed assetId,
        address holder,
        address payer,
        uint32 seats,
        uint64 expiresAt,
        uint32 soldCount
    );

    /// @notice How one payment (a purchase or a renewal) was divided. Amounts are in `currency`.
    /// @param licenseId The license paid for.
    /// @param assetId The asset licensed.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param total What was paid.
    /// @param protocolFee The treasury's part (accrued until withdrawn).
    /// @param upstream What went to parent assets' shareholders (see UpstreamPaid).
    /// @param curators What went to the asset's stakers.
    /// @param toShareholders What went to the asset's shareholders.
    event PaymentSplit(
        uint256 indexed licenseId,
        uint256 indexed assetId,
        address indexed currency,
        uint256 total,
        uint256 protocolFee,
        uint256 upstream,
        uint256 curators,
        uint256 toShareholders
    );

    /// @notice A license was extended at its recorded price.
    /// @param licenseId The license.
    /// @param payer Who paid.
    /// @param expiresAt The new expiry.
    /// @param total What was paid.
    event LicenseRenewed(uint256 indexed licenseId, address indexed payer, uint64 expiresAt, uint256 total);

    /// @notice The holder gave a seat to a staff account.
    /// @param licenseId The license.
    /// @param account The staff account.
    /// @param delegates Seats delegated now.
    event SeatDelegated(uint256 indexed licenseId, address indexed account, uint32 delegates);

    /// @notice The holder took a seat back.
    /// @param licenseId The license.
    /// @param account The staff account.
    /// @param delegates Seats delegated now.
    event SeatRevoked(uint256 indexed licenseId, address indexed account, uint32 delegates);

    /// @notice Part of a payment went to a parent asset's shareholders.
    /// @param licenseId The license paid for.
    /// @param parentId The parent asset credited.
    /// @param currency The payment currency.
    /// @param amount What the parent's shareholders were credited.
    event UpstreamPaid(uint256 indexed licenseId, uint256 indexed parentId, address currency, uint256 amount);

    /// @notice Protocol fees were sent to the treasury.
    /// @param currency The currency.
    /// @param treasury Where they went.
    /// @param amount How much.
    event ProtocolFeesWithdrawn(address indexed currency, address indexed treasury, uint256 amount);

    /// @notice The fees changed.
    /// @param protocolFeeBps The protocol fee now.
    /// @param curatorBps The curator share now.
    event FeesSet(uint16 protocolFeeBps, uint16 curatorBps);
    /// @notice The treasury changed.
    /// @param treasury The treasury now.
    event TreasurySet(address treasury);
    /// @notice An ERC-20 was allowed or disallowed as a payment currency.
    /// @param currency The token.
    /// @param allowed Whether new offers may use it.
    event CurrencyAllowed(address indexed currency, bool allowed);

    error LicenseManagerNotAssetOwner(uint256 assetId, address caller);
    error LicenseManagerUnknownOffer(uint256 offerId);
    error LicenseManagerOfferRetired(uint256 offerId);
    error LicenseManagerSoldOut(uint256 offerId, uint32 maxLicenses);
    error LicenseManagerCurrencyNotAllowed(address currency);
    error LicenseManagerZeroPrice();
    error LicenseManagerNoRights();
    error LicenseManagerUnknownVersion(uint256 assetId, uint32 version);
    error LicenseManagerInvalidQuantity(uint256 seats, uint256 periods);
    error LicenseManagerZeroRecipient();
    error LicenseManagerAboveMaxTotal(uint256 total, uint256 maxTotal);
    error LicenseManagerWrongValue(uint256 sent, uint256 required);
    error LicenseManagerTokenShortfall(uint256 received, uint256 expected);
    error LicenseManagerUnknownLicense(uint256 licenseId);
    error LicenseManagerNotHolder(uint256 licenseId, address caller);
    error LicenseManagerPerpetual(uint256 licenseId);
    error LicenseManagerNoFreeSeat(uint256 licenseId, uint32 seats);
    error LicenseManagerAlreadyDelegated(uint256 licenseId, address account);
    error LicenseManagerNotDelegated(uint256 licenseId, address account);
    error LicenseManagerSoulbound(uint256 licenseId);
    error LicenseManagerFeeAboveCap(uint256 bps, uint256 cap);
    /// @notice Only the RoyaltyShares contract may release funds from the vault.
    error LicenseManagerNotShares(address caller);
    /// @notice Offer ids are capped at 2^32 - 1.
    error LicenseManagerTooManyOffers();

    /// @notice Creates an offer. Only the asset token's owner.
    /// @param assetId The asset.
    /// @param terms Price, currency, period, cap, pinned version, rights, transferability, terms hash.
    /// @return offerId The new offer.
    function createOffer(uint256 assetId, Terms calldata terms) external returns (uint256 offerId);

    /// @notice Stops an offer from selling. Only the asset token's owner.
    /// @param offerId The offer.
    function retireOffer(uint256 offerId) external;

    /// @notice Buys a license. ETH offers take msg.value and refund any surplus; ERC-20 offers pull
    ///         the total from the caller (approve first, or use purchaseWithPermit).
    /// @param offerId The offer.
    /// @param seats Seats (staff accounts the holder may delegate to, itself included).
    /// @param periods Periods paid for; must be 1 for a perpetual offer.
    /// @param to Who receives the license.
    /// @param maxTotal The most the caller agrees to pay.
    /// @return licenseId The new license.
    function purchase(uint256 offerId, uint32 seats, uint32 periods, address to, uint256 maxTotal)
        external
        payable
        returns (uint256 licenseId);

    /// @notice purchase() for an ERC-20 offer with an EIP-2612 permit, in one transaction.
    /// @param offerId The offer.
    /// @param seats Seats.
    /// @param periods Periods.
    /// @param to Who receives the license.
    /// @param maxTotal The most the caller agrees to pay; also the permit's value.
    /// @param deadline The permit's deadline.
    /// @param v Permit signature.
    /// @param r Permit signature.
    /// @param s Permit signature.
    /// @return licenseId The new license.
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
    ) external returns (uint256 licenseId);

    /// @notice Extends a periodic license at the price recorded when it was bought. Anyone may pay.
    /// @param licenseId The license.
    /// @param periods Periods to add.
    function renew(uint256 licenseId, uint32 periods) external payable;

    /// @notice Gives one of the license's seats to a staff account. Only the holder.
    /// @param licenseId The license.
    /// @param account The staff account.
    function delegateSeat(uint256 licenseId, address account) external;

    /// @notice Takes a seat back. Only the holder.
    /// @param licenseId The license.
    /// @param account The staff account.
    function revokeSeat(uint256 licenseId, address account) external;

    /// @notice Whether `account` may use the license now: it is the holder or a current delegate, and
    ///         the license has not expired.
    /// @param licenseId The license.
    /// @param account The account.
    /// @return True when access is granted.
    function isValid(uint256 licenseId, address account) external view returns (bool);

    /// @notice Sends accrued protocol fees in `currency` to the treasury. Anyone may call.
    /// @param currency address(0) for ETH, else the ERC-20.
    function withdrawProtocolFees(address currency) external;
}
