// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ILicenseManager
/// @notice License offers on Tessera's assets and the ERC-721 licenses clinics buy from them. A
///         payment is split in the same transaction: protocol fee (accrued for the treasury), upstream
///         royalties to the parents' shareholders, the curator share to the asset's stakers, and the
///         rest to the asset's shareholders.
///
///         Currencies: ETH always, and the ERC-20s on the allow-list. Disallowing an ERC-20 stops every
///         payment in it (new offers, purchases and renewals of every offer, for every asset alike,
///         staked or not) until it is allowed again; what was already paid stays: licenses stay valid
///         until they expire, and revenue, curator rewards and protocol fees stay claimable.
interface ILicenseManager {
    // ─────────────────────────────────────────── types ─────────────────────────────────────────────

    /// @notice What an asset's owner offers, as given to createOffer.
    /// @param price Price per seat per period (per seat when perpetual); not zero.
    /// @param currency address(0) for ETH, else an allow-listed ERC-20.
    /// @param period Seconds one period lasts; 0 = perpetual.
    /// @param maxLicenses Cap on licenses sold; 0 = no cap.
    /// @param pinnedVersion The version licensed; 0 = always the latest.
    /// @param rights Usage rights as bits, 1 to 15: RESEARCH = 1, CLINICAL = 2, COMMERCIAL = 4,
    ///        DERIVATIVE_TRAINING = 8.
    /// @param transferable Whether licenses can change hands (else soulbound).
    /// @param termsHash sha256 of the legal terms text.
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

    /// @notice An offer as stored: its terms and how many licenses it sold. Offers never change,
    ///         except that their owner can retire them.
    /// @param assetId The asset licensed.
    /// @param period Seconds one period lasts; 0 = perpetual.
    /// @param maxLicenses Cap on licenses sold; 0 = no cap.
    /// @param sold Licenses sold so far.
    /// @param pinnedVersion The version licensed; 0 = always the latest.
    /// @param rights Usage-rights bitmask (see Terms).
    /// @param transferable Whether licenses can change hands.
    /// @param retired Whether the offer stopped selling (its licenses stay valid and renewable).
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param price Price per seat per period.
    /// @param termsHash sha256 of the legal terms text.
    struct Offer {
        uint64 assetId;
        uint32 period;
        uint32 maxLicenses;
        uint32 sold;
        uint32 pinnedVersion;
        uint8 rights;
        bool transferable;
        bool retired;
        address currency;
        uint96 price;
        bytes32 termsHash;
    }

    /// @notice A license as views return it.
    /// @param offerId The offer it was bought from.
    /// @param expiresAt Unix time from which it is no longer valid; 0 = perpetual.
    /// @param seats Seats bought (the holder's own included).
    /// @param delegates Seats given to staff accounts now.
    /// @param epoch Delegation epoch: bumped when a license with delegates changes hands.
    /// @param price Its offer's price per seat per period (what a renewal costs per seat and period).
    struct License {
        uint32 offerId;
        uint40 expiresAt;
        uint32 seats;
        uint32 delegates;
        uint16 epoch;
        uint96 price;
    }

    // ─────────────────────────────────────────── events ────────────────────────────────────────────

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
    /// @param allowed Whether offers, purchases and renewals may use it.
    event CurrencyAllowed(address indexed currency, bool allowed);

    // ─────────────────────────────────────────── errors ────────────────────────────────────────────

    /// @notice Only the asset token's owner may create or retire its offers.
    /// @param assetId The asset.
    /// @param caller Who tried.
    error LicenseManagerNotAssetOwner(uint256 assetId, address caller);
    /// @notice No offer has this id.
    /// @param offerId The id given.
    error LicenseManagerUnknownOffer(uint256 offerId);
    /// @notice The offer was retired and sells no more licenses.
    /// @param offerId The offer.
    error LicenseManagerOfferRetired(uint256 offerId);
    /// @notice The offer sold its cap of licenses.
    /// @param offerId The offer.
    /// @param maxLicenses Its cap.
    error LicenseManagerSoldOut(uint256 offerId, uint32 maxLicenses);
    /// @notice The ERC-20 is not (or no longer) on the allow-list, or is zero where an ERC-20 is expected.
    /// @param currency The token.
    error LicenseManagerCurrencyNotAllowed(address currency);
    /// @notice An offer's price must not be zero.
    error LicenseManagerZeroPrice();
    /// @notice The rights bitmask must name at least one right and only the four defined (1 to 15).
    /// @param rights The bitmask given.
    error LicenseManagerRightsOutOfRange(uint8 rights);
    /// @notice A pinned version must exist already.
    /// @param assetId The asset.
    /// @param version The version given (above the asset's version count).
    error LicenseManagerUnknownVersion(uint256 assetId, uint32 version);
    /// @notice Seats must be 1 to 2^24 - 1 and periods at least 1 (exactly 1 for a perpetual offer).
    /// @param seats The seats given.
    /// @param periods The periods given.
    error LicenseManagerInvalidQuantity(uint256 seats, uint256 periods);
    /// @notice The license would expire after the latest expiry a license can store (2^40 - 1).
    /// @param expiresAt The expiry it would have.
    /// @param maxExpiry The latest expiry allowed.
    error LicenseManagerExpiryOverflow(uint256 expiresAt, uint256 maxExpiry);
    /// @notice A purchase must name who receives the license.
    error LicenseManagerZeroRecipient();
    /// @notice The treasury must not be the zero address.
    error LicenseManagerZeroTreasury();
    /// @notice The payment is above what the caller agreed to pay.
    /// @param total What it costs.
    /// @param maxTotal The caller's limit.
    error LicenseManagerAboveMaxTotal(uint256 total, uint256 maxTotal);
    /// @notice The ETH sent is wrong: less than the total for an ETH payment, or any for an ERC-20
    ///         payment or a license approval or transfer.
    /// @param sent `msg.value`.
    /// @param required The least ETH required (zero where none is accepted).
    error LicenseManagerWrongValue(uint256 sent, uint256 required);
    /// @notice The ERC-20 delivered less than the total (fee-on-transfer tokens are not supported).
    /// @param received What arrived.
    /// @param expected The total.
    error LicenseManagerTokenShortfall(uint256 received, uint256 expected);
    /// @notice No license has this id.
    /// @param licenseId The id given.
    error LicenseManagerUnknownLicense(uint256 licenseId);
    /// @notice Only the license's holder may manage its seats.
    /// @param licenseId The license.
    /// @param caller Who tried.
    error LicenseManagerNotHolder(uint256 licenseId, address caller);
    /// @notice A perpetual license cannot be renewed.
    /// @param licenseId The license.
    error LicenseManagerPerpetual(uint256 licenseId);
    /// @notice Every seat but the holder's own is delegated already.
    /// @param licenseId The license.
    /// @param seats Its seats.
    error LicenseManagerNoFreeSeat(uint256 licenseId, uint32 seats);
    /// @notice The account holds a seat of this license already.
    /// @param licenseId The license.
    /// @param account The account.
    error LicenseManagerAlreadyDelegated(uint256 licenseId, address account);
    /// @notice The account holds no seat of this license.
    /// @param licenseId The license.
    /// @param account The account.
    error LicenseManagerNotDelegated(uint256 licenseId, address account);
    /// @notice The license's offer is not transferable.
    /// @param licenseId The license.
    error LicenseManagerSoulbound(uint256 licenseId);
    /// @notice A fee is above its cap.
    /// @param bps The value given, in basis points.
    /// @param cap The highest value allowed, in basis points.
    error LicenseManagerFeeAboveCap(uint256 bps, uint256 cap);
    /// @notice Only the RoyaltyShares contract may release funds from the vault.
    /// @param caller Who tried.
    error LicenseManagerNotShares(address caller);
    /// @notice Offer ids are capped at 2^32 - 1 (a license stores its offer's id in 32 bits).
    error LicenseManagerTooManyOffers();

    // ─────────────────────────────────────────── offers ────────────────────────────────────────────

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

    /// @notice Extends a periodic license at the price recorded when it was bought, from its expiry
    ///         (or from now if it has expired). Anyone may pay; ETH surplus goes back to the payer.
    /// @param licenseId The license.
    /// @param periods Periods to add.
    function renew(uint256 licenseId, uint32 periods) external payable;

    /// @notice renew() for an ERC-20 offer with an EIP-2612 permit, in one transaction. The permit's
    ///         value is the renewal's total: the recorded price × seats × periods.
    /// @param licenseId The license.
    /// @param periods Periods to add.
    /// @param deadline The permit's deadline.
    /// @param v Permit signature.
    /// @param r Permit signature.
    /// @param s Permit signature.
    function renewWithPermit(uint256 licenseId, uint32 periods, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;

    /// @notice Gives one of the license's seats to a staff account. Only the holder.
    /// @param licenseId The license.
    /// @param account The staff account.
    function delegateSeat(uint256 licenseId, address account) external;

    /// @notice Takes a seat back. Only the holder.
    /// @param licenseId The license.
    /// @param account The staff account.
    function revokeSeat(uint256 licenseId, address account) external;

    /// @notice Whether `account` may use the license now: it is the holder or a current delegate, and
    ///         the license has not expired (valid while block.timestamp < expiresAt; never expires
    ///         when perpetual).
    /// @param licenseId The license.
    /// @param account The account.
    /// @return True when access is granted.
    function isValid(uint256 licenseId, address account) external view returns (bool);

    /// @notice An offer's terms and sales.
    /// @param offerId The offer; reverts with LicenseManagerUnknownOffer if it does not exist.
    /// @return The stored offer.
    function offerOf(uint256 offerId) external view returns (Offer memory);

    /// @notice A license's seats, expiry, delegation and recorded price.
    /// @param licenseId The license; reverts with LicenseManagerUnknownLicense if it does not exist.
    /// @return The license.
    function licenseOf(uint256 licenseId) external view returns (License memory);

    /// @notice Offers created so far (the highest offer id).
    /// @return The count.
    function offerCount() external view returns (uint256);

    /// @notice Licenses sold so far (the highest license id).
    /// @return The count.
    function licenseCount() external view returns (uint256);

    /// @notice Receives protocol fees.
    /// @return The treasury.
    function treasury() external view returns (address);

    /// @notice Protocol fee per payment.
    /// @return Basis points.
    function protocolFeeBps() external view returns (uint16);

    /// @notice Curator share per payment (to the asset's stakers, when it has any).
    /// @return Basis points.
    function curatorBps() external view returns (uint16);

    /// @notice Whether an ERC-20 is on the allow-list (ETH is always accepted).
    /// @param currency The token.
    /// @return True while offers, purchases and renewals may use it.
    function allowedCurrency(address currency) external view returns (bool);

    /// @notice Protocol fees held for the treasury.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @return What withdrawProtocolFees would send.
    function accruedProtocolFees(address currency) external view returns (uint256);

    // ─────────────────────────────────────────── admin ─────────────────────────────────────────────

    /// @notice Sends accrued protocol fees in `currency` to the treasury. Anyone may call.
    /// @param currency address(0) for ETH, else the ERC-20.
    function withdrawProtocolFees(address currency) external;

    /// @notice Sets the protocol fee and curator share of future payments. Only FEE_MANAGER_ROLE.
    /// @param protocolFeeBps_ At most MAX_PROTOCOL_FEE_BPS (10%).
    /// @param curatorBps_ At most MAX_CURATOR_BPS (20%).
    function setFees(uint16 protocolFeeBps_, uint16 curatorBps_) external;

    /// @notice Sets where protocol fees go, including those already accrued. Only FEE_MANAGER_ROLE.
    /// @param treasury_ The new treasury; reverts with LicenseManagerZeroTreasury if zero.
    function setTreasury(address treasury_) external;

    /// @notice Allows or disallows an ERC-20 as a payment currency (see the contract's notice for
    ///         what disallowing means). Allowing makes the shares track it and lets the staking pool
    ///         pull curator shares in it. Only FEE_MANAGER_ROLE.
    /// @param currency The token; not zero (ETH is always accepted). Fee-on-transfer tokens are
    ///        rejected at purchase by a balance check.
    /// @param allowed Whether offers, purchases and renewals may use it.
    function setCurrencyAllowed(address currency, bool allowed) external;

    /// @notice Stops purchases and renewals (seats, transfers, claims and fee withdrawals go on).
    ///         Only PAUSER_ROLE.
    function pause() external;

    /// @notice Resumes purchases and renewals. Only PAUSER_ROLE.
    function unpause() external;
}
