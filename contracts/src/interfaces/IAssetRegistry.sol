// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IAssetRegistry
/// @notice One ERC-721 token per AI model or dataset listed on Tessera. The token's owner controls
///         the asset. Every state change emits an event that carries what an indexer needs to
///         rebuild the registry without calling a view function.
interface IAssetRegistry {
    /// @notice What an asset is.
    enum AssetKind {
        Model,
        Dataset
    }

    /// @notice An asset as stored on chain: its kind and its latest version's content.
    /// @param kind Model or Dataset.
    /// @param versionCount Number of versions published; the first comes with registration.
    /// @param contentHash sha256 of the latest version's artifact.
    /// @param metadataURI Where the latest version's model card lives (content-addressed).
    struct Asset {
        AssetKind kind;
        uint32 versionCount;
        bytes32 contentHash;
        string metadataURI;
    }

    /// @notice Emitted when an asset is registered; its token is minted to `owner` in the same call.
    /// @param assetId The new asset's token id (sequential, from 1).
    /// @param owner The account the asset token was minted to.
    /// @param kind Model or Dataset.
    /// @param contentHash sha256 of version 1's artifact.
    /// @param metadataURI Where version 1's model card lives.
    event AssetRegistered(
        uint256 indexed assetId, address indexed owner, AssetKind kind, bytes32 contentHash, string metadataURI
    );

    /// @notice The metadata URI was empty.
    error AssetRegistryEmptyMetadataURI();

    /// @notice The content hash was zero, which no artifact hashes to.
    error AssetRegistryZeroContentHash();

    /// @notice The asset does not exist.
    /// @param assetId The id that was asked for.
    error AssetRegistryUnknownAsset(uint256 assetId);

    /// @notice Registers a model or dataset and mints its asset token to the caller.
    /// @param kind Model or Dataset.
    /// @param metadataURI Where version 1's model card lives; must not be empty.
    /// @param contentHash sha256 of version 1's artifact; must not be zero.
    /// @return assetId The new asset's id.
    function register(AssetKind kind, string calldata metadataURI, bytes32 contentHash)
        external
        returns (uint256 assetId);

    /// @notice Reads an asset.
    /// @param assetId The asset's id; reverts with AssetRegistryUnknownAsset if it does not exist.
    /// @return The asset's kind and latest version.
    function assetOf(uint256 assetId) external view returns (Asset memory);

    /// @notice Number of assets registered so far (the highest asset id).
    function assetCount() external view returns (uint256);
}
