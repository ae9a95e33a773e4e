import { familyPlanningSubgraph } from '.';

familyPlanningSubgraph.main();
