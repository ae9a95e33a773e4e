import { civilAffairsSubgraph } from '.';

civilAffairsSubgraph.main();
