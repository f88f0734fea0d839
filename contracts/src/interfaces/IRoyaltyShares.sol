// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IRoyaltyShares
/// @notice Revenue rights in Tessera's assets as ERC-1155 shares (token id = asset id). Every asset has
///         a fixed supply of SUPPLY shares, minted once at registration by the split its builder chose.
///         Revenue that reaches an asset is credited per share through a cumulative accumulator per
///         currency, so crediting costs the same for one holder or ten thousand; holders pull what
///         has accrued to them. A transfer settles both sides first, so accrued revenue never moves
///         with the shares.
/// @dev The accumulator is the asset's total credited revenue per currency, so crediting is exact;
///      rounding happens once per holder when a position settles (balance x newly credited / SUPPLY),
///      always down, and the remainder stays in the vault as dust. The funds themselves sit in the
///      revenue vault (the LicenseManager), which pays claims on this contract's instruction.
///      Indexers can rebuild every position from TransferSingle/TransferBatch, RevenueCredited and
///      RevenueClaimed alone: settlement happens at every balance change and every claim.
interface IRoyaltyShares {
    /// @notice Revenue was credited to an asset's shareholders.
    /// @param assetId The asset whose shares earn it.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount What was credited.
    /// @param totalCredited Everything the asset has been credited in `currency`, this credit included.
    event RevenueCredited(uint256 indexed assetId, address indexed currency, uint256 amount, uint256 totalCredited);

    /// @notice A holder claimed what had accrued to it; every (asset, currency) pair named was settled,
    ///         including those that paid nothing.
    /// @param holder The shareholder.
    /// @param to Where it was paid.
    /// @param assetIds The assets claimed from.
    /// @param currencies The currencies claimed in.
    /// @param amounts What each pair paid, asset-major: amounts[a * currencies.length + c].
    event RevenueClaimed(
        address indexed holder, address indexed to, uint256[] assetIds, address[] currencies, uint256[] amounts
    );

    /// @notice A currency can now be credited; transfers settle every tracked currency.
    /// @param currency The new currency.
    /// @param count How many currencies are tracked now.
    event CurrencyTracked(address indexed currency, uint256 count);

    /// @notice The revenue vault was set (once, at deployment).
    /// @param vault The contract that holds the funds and may credit revenue.
    event VaultSet(address indexed vault);

    /// @notice Shares of this asset were already minted.
    error RoyaltySharesAlreadyMinted(uint256 assetId);
    /// @notice The split does not add up to the fixed supply.
    error RoyaltySharesInvalidSplit(uint256 total, uint256 expected);
    /// @notice Holders and amounts differ in length, or are empty.
    error RoyaltySharesLengthMismatch(uint256 holders, uint256 amounts);
    /// @notice A credit of zero.
    error RoyaltySharesZeroAmount();
    /// @notice Only the revenue vault may credit revenue and track currencies.
    error RoyaltySharesNotVault(address caller);
    /// @notice The vault is set once.
    /// @param vault The vault already set.
    error RoyaltySharesVaultAlreadySet(address vault);
    /// @notice The vault must not be the zero address.
    error RoyaltySharesZeroVault();
    /// @notice An asset's credited total would no longer fit the packed positions (2^120 - 1).
    error RoyaltySharesCreditOverflow(uint256 assetId, address currency);
    /// @notice Already tracking the maximum number of currencies.
    error RoyaltySharesTooManyCurrencies(uint256 max);
    /// @notice The currency was never tracked, so nothing can be credited or claimed in it.
    error RoyaltySharesUntrackedCurrency(address currency);
    /// @notice Claims must name a recipient.
    error RoyaltySharesZeroRecipient();

    /// @notice Mints an asset's whole supply by the builder's split. Only the registry (MINTER_ROLE).
    /// @param assetId The new asset.
    /// @param holders Who receives shares.
    /// @param amounts How many each receives; must add up to SUPPLY.
    function mintShares(uint256 assetId, address[] calldata holders, uint256[] calldata amounts) external;

    /// @notice Credits revenue to an asset's shareholders. Only the vault, which already holds the funds
    ///         and only credits assets that exist, in currencies it had tracked.
    /// @param assetId The asset whose shareholders earn it.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @param amount What to credit.
    function creditRevenue(uint256 assetId, address currency, uint256 amount) external;

    /// @notice Starts tracking a currency (a no-op when already tracked). Only the vault, when it
    ///         allows a currency. ETH is tracked from the start.
    /// @param currency The ERC-20.
    function trackCurrency(address currency) external;

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

    /// @notice Everything the asset has been credited in `currency` (the accumulator).
    /// @param assetId The asset.
    /// @param currency address(0) for ETH, else the ERC-20.
    /// @return The accumulator's value.
    function totalCredited(uint256 assetId, address currency) external view returns (uint256);

    /// @notice Whether shares of `assetId` exist.
    /// @param assetId The asset.
    /// @return True once its shares were minted.
    function exists(uint256 assetId) external view returns (bool);

    /// @notice Every currency tracked so far.
    /// @return The currencies, in the order they were tracked.
    function currencies() external view returns (address[] memory);
}
