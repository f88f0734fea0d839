// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";
import {LicenseManager} from "../../src/LicenseManager.sol";
import {RoyaltyShares} from "../../src/RoyaltyShares.sol";
import {ILicenseManager} from "../../src/interfaces/ILicenseManager.sol";
import {MockCuratorRewards} from "../mocks/MockCuratorRewards.sol";
import {MockERC20Permit} from "../mocks/MockERC20Permit.sol";

/// @dev Drives the whole money path (purchases and renewals in ETH and tUSD, share transfers, claims,
///      fee withdrawals, stakers coming and going, tUSD disallowed and allowed again) and keeps ghost
///      totals of every flow in and out of the vault, for the invariants to balance. A payment in a
///      disallowed currency must revert for every asset, staked or not, and move nothing.
contract MarketplaceHandler is Test {
    LicenseManager internal immutable LICENSES;
    RoyaltyShares internal immutable SHARES;
    MockCuratorRewards internal immutable CURATORS;
    MockERC20Permit internal immutable USD;
    /// The fixture's admin, which holds the LicenseManager's FEE_MANAGER_ROLE.
    address internal immutable ADMIN = makeAddr("admin");
    uint256[] internal assets;
    uint256[] internal offers;
    address[] public holders;
    address[] internal clinics;
    mapping(address clinic => uint256) internal keyOf;
    uint256[] internal bought;

    mapping(address currency => uint256) public paidIn;
    mapping(address currency => uint256) public claimed;
    mapping(address currency => uint256) public feesOut;
    uint256 public settlements;

    constructor(
        LicenseManager licenses,
        RoyaltyShares shares,
        MockCuratorRewards curators,
        MockERC20Permit usd,
        uint256[] memory assets_,
        uint256[] memory offers_,
        address[] memory holders_
    ) {
        LICENSES = licenses;
        SHARES = shares;
        CURATORS = curators;
        USD = usd;
        assets = assets_;
        offers = offers_;
        holders = holders_;
        for (uint256 i; i < 3; ++i) {
            (address clinic, uint256 key) = makeAddrAndKey(string(abi.encodePacked("clinic", vm.toString(i))));
            clinics.push(clinic);
            keyOf[clinic] = key;
        }
    }

    function buy(uint256 offerSeed, uint256 clinicSeed, uint32 seats, uint32 periods) external {
        uint256 offerId = offers[offerSeed % offers.length];
        ILicenseManager.Offer memory offer = LICENSES.offerOf(offerId);
        seats = uint32(bound(seats, 1, 5));
        periods = offer.period == 0 ? 1 : uint32(bound(periods, 1, 12));
        address clinic = clinics[clinicSeed % clinics.length];
        uint256 total = uint256(offer.price) * seats * periods;
        bool refused = _refused(offer.currency);
        vm.startPrank(clinic);
        if (refused) {
            _expectRefused(offer.currency);
            LICENSES.purchase(offerId, seats, periods, clinic, total);
        } else if (offer.currency == address(0)) {
            vm.deal(clinic, total);
            bought.push(LICENSES.purchase{value: total}(offerId, seats, periods, clinic, total));
        } else {
            USD.mint(clinic, total);
            USD.approve(address(LICENSES), total);
            bought.push(LICENSES.purchase(offerId, seats, periods, clinic, total));
        }
        vm.stopPrank();
        if (refused) return;
        paidIn[offer.currency] += total;
        settlements += 2;
    }

    function renew(uint256 licenseSeed, uint32 periods) external {
        if (bought.length == 0) return;
        uint256 licenseId = bought[licenseSeed % bought.length];
        ILicenseManager.License memory license = LICENSES.licenseOf(licenseId);
        ILicenseManager.Offer memory offer = LICENSES.offerOf(license.offerId);
        if (offer.period == 0) return;
        periods = uint32(bound(periods, 1, 6));
        uint256 total = uint256(license.price) * license.seats * periods;
        address payer = clinics[licenseSeed % clinics.length];
        bool refused = _refused(offer.currency);
        vm.startPrank(payer);
        if (refused) {
            _expectRefused(offer.currency);
            LICENSES.renew(licenseId, periods);
        } else if (offer.currency == address(0)) {
            vm.deal(payer, total);
            LICENSES.renew{value: total}(licenseId, periods);
        } else if (licenseSeed & 1 == 0) {
            USD.mint(payer, total);
            USD.approve(address(LICENSES), total);
            LICENSES.renew(licenseId, periods);
        } else {
            // The permit path: one signature for exactly the total, no approval beforehand.
            USD.mint(payer, total);
            (uint8 v, bytes32 r, bytes32 s) = _permit(payer, total);
            LICENSES.renewWithPermit(licenseId, periods, block.timestamp, v, r, s);
        }
        vm.stopPrank();
        if (refused) return;
        paidIn[offer.currency] += total;
        settlements += 2;
    }

    function moveShares(uint256 fromSeed, uint256 toSeed, uint256 assetSeed, uint256 amount) external {
        address from = holders[fromSeed % holders.length];
        address to = holders[toSeed % holders.length];
        uint256 asset = assets[assetSeed % assets.length];
        amount = bound(amount, 0, SHARES.balanceOf(from, asset));
        vm.prank(from);
        SHARES.safeTransferFrom(from, to, asset, amount, "");
        settlements += 4;
    }

    function claim(uint256 holderSeed) external {
        address holder = holders[holderSeed % holders.length];
        address[] memory currencies = new address[](2);
        (currencies[0], currencies[1]) = (address(0), address(USD));
        vm.prank(holder);
        uint256[] memory paid = SHARES.claim(assets, currencies, holder);
        claimed[address(0)] += paid[0];
        claimed[address(USD)] += paid[1];
        settlements += assets.length * 2;
    }

    function withdrawFees(bool inEth) external {
        address currency = inEth ? address(0) : address(USD);
        feesOut[currency] += LICENSES.accruedProtocolFees(currency);
        LICENSES.withdrawProtocolFees(currency);
    }

    /// Disallowing tUSD stops its sales and renewals; allowing it again resumes them.
    function setUsdAllowed(bool allowed) external {
        vm.prank(ADMIN);
        LICENSES.setCurrencyAllowed(address(USD), allowed);
    }

    function setStaked(uint256 assetSeed, bool staked) external {
        CURATORS.setStaked(assets[assetSeed % assets.length], staked);
    }

    /// Whether `currency` is an ERC-20 that is not allowed (now).
    function _permit(address owner, uint256 value) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                address(LICENSES),
                value,
                USD.nonces(owner),
                block.timestamp
            )
        );
        return vm.sign(keyOf[owner], keccak256(abi.encodePacked("\x19\x01", USD.DOMAIN_SEPARATOR(), structHash)));
    }

    function _refused(address currency) internal view returns (bool) {
        return currency != address(0) && !LICENSES.allowedCurrency(currency);
    }

    /// A payment in a disallowed currency must revert with LicenseManagerCurrencyNotAllowed.
    function _expectRefused(address currency) internal {
        vm.expectRevert(abi.encodeWithSelector(ILicenseManager.LicenseManagerCurrencyNotAllowed.selector, currency));
    }

    function assetList() external view returns (uint256[] memory) {
        return assets;
    }

    function holderList() external view returns (address[] memory) {
        return holders;
    }
}
