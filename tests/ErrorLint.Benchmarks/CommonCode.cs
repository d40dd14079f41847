namespace ErrorLint.Benchmarks;

/// <summary>Code both generated applications share: a module's DTOs and its in-memory repository.</summary>
internal static class CommonCode
{
    public static string Model(string r, int module) => $$"""
        namespace Shop.Api.Modules.{{r}};

        public sealed record {{r}}Dto(int Id, string Name, decimal Price, DateTimeOffset UpdatedAt);

        public sealed class {{r}}Input
        {
            [Required]
            [StringLength(200)]
            public string Name { get; set; } = "";

            [Range(0, 100000)]
            public decimal Price { get; set; }
        }

        public interface I{{r}}Repository
        {
            Task<{{r}}Dto?> FindAsync(int id, CancellationToken ct);
            Task<IReadOnlyList<{{r}}Dto>> ListAsync(int page, int size, CancellationToken ct);
            Task<{{r}}Dto> AddAsync({{r}}Input input, CancellationToken ct);
            Task<bool> UpdateAsync(int id, {{r}}Input input, CancellationToken ct);
            Task<bool> DeleteAsync(int id, CancellationToken ct);
            Task<bool> ExistsAsync(string name, CancellationToken ct);
        }

        public sealed class InMemory{{r}}Repository : I{{r}}Repository
        {
            private readonly Dictionary<int, {{r}}Dto> items = new();
            private readonly object gate = new();
            private int nextId = {{module * 1000 + 1}};

            public Task<{{r}}Dto?> FindAsync(int id, CancellationToken ct)
            {
                lock (gate)
                {
                    return Task.FromResult(items.TryGetValue(id, out var item) ? item : null);
                }
            }

            public Task<IReadOnlyList<{{r}}Dto>> ListAsync(int page, int size, CancellationToken ct)
            {
                lock (gate)
                {
                    IReadOnlyList<{{r}}Dto> result = items.Values.OrderBy(x => x.Id).Skip((page - 1) * size).Take(size).ToList();
                    return Task.FromResult(result);
                }
            }

            public Task<{{r}}Dto> AddAsync({{r}}Input input, CancellationToken ct)
            {
                lock (gate)
                {
                    var item = new {{r}}Dto(nextId++, input.Name.Trim(), input.Price, DateTimeOffset.UtcNow);
                    items[item.Id] = item;
                    return Task.FromResult(item);
                }
            }

            public Task<bool> UpdateAsync(int id, {{r}}Input input, CancellationToken ct)
            {
                lock (gate)
                {
                    if (!items.TryGetValue(id, out var existing))
                    {
                        return Task.FromResult(false);
                    }

                    items[id] = existing with { Name = input.Name.Trim(), Price = input.Price, UpdatedAt = DateTimeOffset.UtcNow };
                    return Task.FromResult(true);
                }
            }

            public Task<bool> DeleteAsync(int id, CancellationToken ct)
            {
                lock (gate)
                {
                    return Task.FromResult(items.Remove(id));
                }
            }

            public Task<bool> ExistsAsync(string name, CancellationToken ct)
            {
                lock (gate)
                {
                    return Task.FromResult(items.Values.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)));
                }
            }
        }
        """;
}
