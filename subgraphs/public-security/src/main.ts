import 'reflect-metadata';
import { createPublicSecurityAdapter } from '@resident-graph/adapter-public-security';
import { urlSetting } from '@resident-graph/service-kit';
import { runDepartmentSubgraph } from '@resident-graph/subgraph-kit';
import { startPublicSecuritySubgraph } from '.';

runDepartmentSubgraph({
  name: 'public-security',
  defaultPort: 4101,
  settings: { PUBLIC_SECURITY_URL: urlSetting('http://127.0.0.1:4201') },
  createAdapter: (settings, resilience) => createPublicSecurityAdapter({ baseUrl: settings.PUBLIC_SECURITY_URL, ...resilience }),
  start: startPublicSecuritySubgraph,
});
