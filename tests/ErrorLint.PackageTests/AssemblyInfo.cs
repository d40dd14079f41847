// Every test here drives whole dotnet builds; on a small machine they go faster one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
