// Starting the whole stack takes tens of seconds; jest's per-project config has no testTimeout.
jest.setTimeout(240_000);
