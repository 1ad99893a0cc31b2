import { RiFlagLine, RiMoneyDollarCircleLine, RiShieldCheckLine, RiTeamLine } from '@remixicon/react';

// One icon per page, for its header and its entry in the app's navigation.
export const CostIcon = () => <RiMoneyDollarCircleLine size={20} aria-hidden />;
export const OwnershipIcon = () => <RiTeamLine size={20} aria-hidden />;
export const ReadinessIcon = () => <RiShieldCheckLine size={20} aria-hidden />;
export const CampaignsIcon = () => <RiFlagLine size={20} aria-hidden />;
