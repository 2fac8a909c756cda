// The machine has two cores: tests that each start producer and consumer threads run one at a
// time, so that no test's threads starve another's and the suite stays fast and predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
