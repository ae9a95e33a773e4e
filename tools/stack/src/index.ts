export { GATEWAY_NODE_ARGS, startStack, type Stack, type StackOptions, type Preset } from './startStack';
export { assignPorts, DEFAULT_PORTS, PORT_COUNT, type StackPorts } from './stackPorts';
export { composeSupergraph, CompositionError, type ComposedSupergraph } from './composeSupergraph';
export { publishedFiles } from './compose';
export { REPO_ROOT, SUPERGRAPH_FILE } from './repoPaths';
export { bundleEntry } from './bundleEntry';
export { QUIET_ENV, ChildService, waitFor, type ChildServiceOptions } from './ChildService';
export { renderPolicyDoc, POLICY_DOC } from './policyDocs';
