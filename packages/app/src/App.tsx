import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { translationsModule } from './modules/translations';

// `app.packages: all` in app-config.yaml discovers the catalog, org, notifications, signals and Opsfolio plugins
// from package.json.
export default createApp({
  features: [navModule, translationsModule],
});
