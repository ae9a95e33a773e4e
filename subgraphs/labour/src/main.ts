import { labourSubgraph } from '.';

labourSubgraph.main();
