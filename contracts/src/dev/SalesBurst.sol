// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ILicenseManager} from "../interfaces/ILicenseManager.sol";

/// @title SalesBurst
/// @notice Development only: buys many licenses of one ETH offer in a single transaction, so the
///         indexer benchmark can put 100,000+ real marketplace events on a local chain in seconds.
contract SalesBurst {
    /// @notice The license manager whose offers are bought.
    ILicenseManager public immutable LICENSES;

    /// @notice Binds the burst to a deployment's license manager.
    /// @param licenses The LicenseManager.
    constructor(ILicenseManager licenses) {
        LICENSES = licenses;
    }

    /// @notice Buys `count` one-seat, one-period licenses of an ETH offer for `to`; msg.value pays for
    ///         all of them, and any rest stays here (it is a development tool).
    /// @param offerId An ETH offer.
    /// @param price The offer's price.
    /// @param count Licenses to buy.
    /// @param to Who receives them.
    function buy(uint256 offerId, uint256 price, uint256 count, address to) external payable {
        for (uint256 i; i < count; ++i) {
            LICENSES.purchase{value: price}(offerId, 1, 1, to, price);
        }
    }
}
