using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ErrorLint.PackageTests
{
    /// <summary>
    /// Packs ErrorLint once and installs it into a fresh web project, shared by every test in
    /// <see cref="PackageTests"/>. The package gets a version no earlier run used, so the machine's
    /// package cache cannot serve a stale copy; that cache entry is deleted again at the end.
    /// </summary>
    public sealed class PackedPackageFixture : IDisposable
    {
        public PackedPackageFixture()
        {
            PackageVersion = $"0.0.0-packagetest.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid():N}";
            Root = Path.Combine(Path.GetTempPath(), "errorlint-packagetest-" + Guid.NewGuid().ToString("N"));
            FeedDirectory = Path.Combine(Root, "feed");
            AppDirectory = Path.Combine(Root, "app");
            Directory.CreateDirectory(FeedDirectory);
            Directory.CreateDirectory(AppDirectory);

            var total = Stopwatch.StartNew();
            Pack();
            Install();
            total.Stop();
            Timings.Add(("fixture total", total.Elapsed));
        }

        public string PackageVersion { get; }

        public string Root { get; }

        public string FeedDirectory { get; }

        public string AppDirectory { get; }

        public string AppProjectPath => Path.Combine(AppDirectory, "ShopApi.csproj");

        public string PackagePath => Path.Combine(FeedDirectory, $"ErrorLint.{PackageVersion}.nupkg");

        /// <summary>The `dotnet add package` call; the web-project tests check it before anything else.</summary>
        public CliResult? InstallResult { get; private set; }

        public List<(string Step, TimeSpan Elapsed)> Timings { get; } = new();

        /// <summary>Where the build of the untouched project writes its SARIF log.</summary>
        public string SarifPath => Path.Combine(Root, "build.sarif");

        /// <summary>The build of the untouched project, once a test has run it.</summary>
        public CliResult? PlainBuild { get; set; }

        private string? GlobalPackagesFolder { get; set; }

        /// <summary>Puts the web project's files back as <see cref="WebApp"/> writes them and removes any .editorconfig.</summary>
        public void ResetApp()
        {
            foreach (var file in WebApp.SourceFiles)
            {
                var path = Path.Combine(AppDirectory, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            File.Delete(Path.Combine(AppDirectory, ".editorconfig"));
        }

        public void Dispose()
        {
            TryDeleteDirectory(Root);
            if (GlobalPackagesFolder is not null)
            {
                var cached = Path.Combine(GlobalPackagesFolder, "errorlint");
                TryDeleteDirectory(Path.Combine(cached, PackageVersion.ToLowerInvariant()));
                if (Directory.Exists(cached) && !Directory.EnumerateFileSystemEntries(cached).Any())
                {
                    TryDeleteDirectory(cached);
                }
            }
        }

        private void Pack()
        {
            var project = Path.Combine(Repository.Root, "nuget", "ErrorLint.Package.csproj");

            // Restore without the test version first: passing PackageVersion to a restore would
            // rewrite the obj/ folders of src/ that a concurrent solution build is using.
            var restore = DotNetCli.Run(Repository.Root, "restore", project, "-tl:off");
            Timings.Add(("restore package project", restore.Elapsed));
            Require(restore, "Restoring the package project failed.");

            var pack = DotNetCli.Run(Repository.Root,
                "pack", project, "-c", "Release", "--no-restore", "-tl:off",
                "-o", FeedDirectory, $"-p:PackageVersion={PackageVersion}");
            Timings.Add(("pack", pack.Elapsed));
            Require(pack, "Packing failed.");
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"Pack did not write {PackagePath}.\n{pack}");
            }
        }

        private void Install()
        {
            // Stop MSBuild and NuGet from picking up anything above the temporary folder.
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(AppDirectory, "nuget.config"), WebApp.NuGetConfig(FeedDirectory));
            File.WriteAllText(AppProjectPath, WebApp.ProjectFile);
            ResetApp();

            InstallResult = DotNetCli.Run(AppDirectory, "add", AppProjectPath, "package", "ErrorLint", "--version", PackageVersion);
            Timings.Add(("dotnet add package (restore)", InstallResult.Elapsed));

            var locals = DotNetCli.Run(AppDirectory, "nuget", "locals", "global-packages", "--list");
            const string Prefix = "global-packages:";
            var line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
            GlobalPackagesFolder = line?.Substring(Prefix.Length).Trim();
        }

        private static void Require(CliResult result, string message)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(message + "\n" + result);
            }
        }

        private static void TryDeleteDirectory(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of the temporary folder.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
