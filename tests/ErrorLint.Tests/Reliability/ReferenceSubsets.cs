using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ErrorLint.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// ASP.NET Core with parts missing, as a class library that references single packages sees it: built from the
/// cached reference packs by leaving assemblies out. In 8 and 10 alike, <c>Results</c> and <c>TypedResults</c>
/// live in Microsoft.AspNetCore.Http.Results.dll, MVC in Microsoft.AspNetCore.Mvc*.dll, the rate limiter
/// middleware in Microsoft.AspNetCore.RateLimiting.dll (its limiters in System.Threading.RateLimiting.dll).
/// </summary>
public enum ReferenceSubset
{
    MvcWithoutMinimalApis,
    MinimalApisWithoutMvc,
    WithoutRateLimiting,
}

internal static class ReferenceSubsets
{
    public static ImmutableArray<MetadataReference> For(ReferenceSubset subset, TargetFrameworks framework)
    {
        Func<string, bool> excluded = subset switch
        {
            ReferenceSubset.MvcWithoutMinimalApis => name => name == "Microsoft.AspNetCore.Http.Results.dll",
            ReferenceSubset.MinimalApisWithoutMvc => name => name.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal),
            ReferenceSubset.WithoutRateLimiting => name => name is "Microsoft.AspNetCore.RateLimiting.dll" or "System.Threading.RateLimiting.dll",
            _ => throw new ArgumentOutOfRangeException(nameof(subset)),
        };

        var all = TestReferences.For(framework);
        var kept = all.Where(r => !excluded(Path.GetFileName(((PortableExecutableReference)r).FilePath!))).ToImmutableArray();
        if (kept.Length == all.Length)
        {
            throw new InvalidOperationException($"{subset} removes no assembly from {TestReferences.DisplayName(framework)}: the reference packs changed shape.");
        }

        return kept;
    }

    public static IEnumerable<object[]> SubsetsAndFrameworks() =>
        Enum.GetValues<ReferenceSubset>().SelectMany(s => new[] { TargetFrameworks.AspNetCore8, TargetFrameworks.AspNetCore10 }.Select(f => new object[] { s, f }));
}
