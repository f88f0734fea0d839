// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRoyaltyShares
/// @notice Revenue rights in Tessera's assets as ERC-1155 shares (token id = asset id). Every asset has
///         a fixed supply of SUPPLY shares, minted once at registration by the split its builder chose.
///         Revenue that reaches an asset is credited per share through a cumulative accumulator per
///         currency, so crediting costs the same for one holder or ten thousand; holders pull what
///         has accrued to them. A transfer settles both sides first, so accrued revenue never moves
///         with the shares.
/// @dev The accumulator is exact at credit time (SCALE / SUPPLY is an integer); rounding happens once
///      per holder when a position settles, always down, and the remainder stays in the contract as
///      dust. Indexers can rebuild every position from TransferSingle/TransferBatch, RevenueCredited and
///      RevenueClaimed alone: settlement happens at every balance change and every claim.
interface IRoyaltyShares {
    /// @notice Revenue was credited to an asset's shareholders.
    /// @param assetId The asset whose shares earn it.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount What was credited.
    /// @param revenuePerShare The asset's cumulative revenue per share in `currency` after this credit,
    ///        scaled by SCALE.
    event RevenueCredited(
        uint256 indexed assetId, address indexed currency, uint256 amount, uint256 revenuePerShare
    );

    /// @notice A holder claimed what had accrued to it for one asset and currency.
    /// @param holder The shareholder.
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount What was paid out.
    /// @param to Where it was paid.
    event RevenueClaimed(
        address indexed holder, uint256 indexed assetId, address indexed currency, uint256 amount, address to
    );

    /// @notice A currency was seen for the first time; transfers settle every tracked currency.
    /// @param currency The new currency.
    /// @param count How many currencies are tracked now.
    event CurrencyTracked(address indexed currency, uint256 count);

    /// @notice Shares of this asset were already minted.
    error RoyaltySharesAlreadyMinted(uint256 assetId);
    /// @notice The split does not add up to the fixed supply.
    error RoyaltySharesInvalidSplit(uint256 total, uint256 expected);
    /// @notice Holders and amounts differ in length, or are empty.
    error RoyaltySharesLengthMismatch(uint256 holders, uint256 amounts);
    /// @notice No shares exist for this asset.
    error RoyaltySharesUnknownAsset(uint256 assetId);
    /// @notice A credit of zero.
    error RoyaltySharesZeroAmount();
    /// @notice The ETH sent differs from the amount credited (or ETH was sent with an ERC-20 credit).
    error RoyaltySharesWrongValue(uint256 sent, uint256 expected);
    /// @notice Already tracking the maximum number of currencies.
    error RoyaltySharesTooManyCurrencies(uint256 max);
    /// @notice Claims must name a recipient.
    error RoyaltySharesZeroRecipient();

    /// @notice Mints an asset's whole supply by the builder's split. Only the registry (MINTER_ROLE).
    /// @param assetId The new asset.
    /// @param holders Who receives shares.
    /// @param amounts How many each receives; must add up to SUPPLY.
    function mintShares(uint256 assetId, address[] calldata holders, uint256[] calldata amounts) external;

    /// @notice Credits revenue to an asset's shareholders. Only payment contracts (DEPOSITOR_ROLE).
    ///         ETH comes as msg.value; an ERC-20 is pulled from the caller with transferFrom.
    /// @param assetId The asset whose shareholders earn it.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount What to credit.
    function creditRevenue(uint256 assetId, address currency, uint256 amount) external payable;

    /// @notice Pays the caller everything accrued on each asset in each currency, one transfer per currency.
    /// @param assetIds The assets to claim from.
    /// @param currencies The currencies to claim in (address(0) = ETH).
    /// @param to The recipient.
    /// @return amounts What was paid in each currency, in the order given.
    function claim(uint256[] calldata assetIds, address[] calldata currencies, address to)
        external
        returns (uint256[] memory amounts);

    /// @notice What `holder` could claim now on `assetId` in `currency`.
    /// @param holder The shareholder.
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @return The claimable amount.
    function claimable(address holder, uint256 assetId, address currency) external view returns (uint256);

    /// @notice The asset's cumulative revenue per share in `currency`, scaled by SCALE.
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @return The accumulator's value.
    function revenuePerShare(uint256 assetId, address currency) external view returns (uint256);

    /// @notice Whether shares of `assetId` exist.
    /// @param assetId The asset.
    /// @return True once its shares were minted.
    function exists(uint256 assetId) external view returns (bool);

    /// @notice Every currency tracked so far.
    /// @return The currencies, in the order first credited.
    function currencies() external view returns (address[] memory);
}
