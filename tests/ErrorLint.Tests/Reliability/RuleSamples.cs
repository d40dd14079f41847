using System.Collections.Generic;
using System.Linq;
using ErrorLint.Tests.Meta;

namespace ErrorLint.Tests.Reliability;

/// <summary>
/// One small positive sample per rule ID: a source that compiles against ASP.NET Core 8 and 10 and triggers the rule
/// on the statement in <c>Member</c>. The cross-rule tests (suppression, fix safety) run on these; a rule without a
/// sample fails <see cref="RuleSampleTests"/>, so a new rule must add one here.
/// </summary>
internal static class RuleSamples
{
    /// <summary>Replaced by an attribute list (or nothing) in front of the member that holds the flagged statement.</summary>
    public const string MemberAttributes = "/*member*/";

    /// <summary>The attribute list in front of the type that holds the member, for tests that add one of their own.</summary>
    public const string TypeAttributes = "[ApiController]";

    public static readonly IReadOnlyDictionary<string, string> Positive = new Dictionary<string, string>
    {
        ["EL0001"] = Controller("public IActionResult Get() => Ok(new { error = \"Order not found\" });"),
        ["EL0002"] = Controller("public IActionResult Create(string name) { if (!ModelState.IsValid) { return StatusCode(500, ModelState); } return Ok(); }"),
        ["EL0003"] = Controller("public async Task<IActionResult> Create(IOrderStore store) { try { await store.SaveAsync(); return Ok(); } catch (Exception) { return BadRequest(\"Something went wrong\"); } }"),
        ["EL0004"] = Controller("[Authorize] public IActionResult Delete() { if (!User.IsInRole(\"Admin\")) { return Unauthorized(); } return NoContent(); }"),
        ["EL0005"] = Controller("public IActionResult Get() { if (User.Identity?.IsAuthenticated == false) { return Forbid(); } return Ok(); }"),
        ["EL0006"] = Controller("public IActionResult Put(int id) => Forbid(\"Read-only item.\");"),
        ["EL0007"] = Controller("public IActionResult Export() => Problem(detail: \"The report queue is full.\", statusCode: 503);"),
        ["EL0008"] = Controller("public static void ConfigureServices(IServiceCollection services) => services.AddRateLimiter(options => options.AddFixedWindowLimiter(\"api\", o => o.PermitLimit = 10));"),
        ["EL0009"] = Controller("public async Task<IActionResult> Get(IOrderStore store) { try { await store.SaveAsync(); return Ok(); } catch (InvalidOperationException ex) { return StatusCode(500, ex.ToString()); } }"),
        ["EL0010"] = Controller("public async Task<IActionResult> Get(IOrderStore store) { try { await store.SaveAsync(); return Ok(); } catch (Exception ex) { return StatusCode(502, ex.Message); } }"),
        ["EL0011"] = Controller("public static void Configure(IApplicationBuilder app, IWebHostEnvironment env) { app.UseDeveloperExceptionPage(); app.UseRouting(); }"),
        ["EL0012"] = Controller("public IActionResult Get(int id) => BadRequest(\"The id must be positive\");"),
        ["EL0013"] = Controller("public IActionResult Get() => BadRequest(new ProblemDetails { Status = 404, Title = \"Order not found\" });"),
        ["EL0014"] = Controller("[HttpGet(\"{id}\")] [ProducesResponseType(200)] public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();"),
        ["EL0015"] = Controller("public IResult Get() => Results.NotFound(new ProblemDetails { Status = 404, Title = \"Order not found\" });"),
        ["EL0016"] = Controller("public static void Configure(IApplicationBuilder app) { app.UseExceptionHandler(); } public static void ConfigureServices(IServiceCollection services) { services.AddControllers(); }"),
    };

    public static IEnumerable<object[]> RuleIds() => RuleCatalog.Descriptors.Select(d => d.Id).Distinct().Select(id => new object[] { id });

    /// <summary>The sample with nothing in front of the member, as it is analyzed.</summary>
    public static string Source(string id) => Positive[id].Replace(MemberAttributes, string.Empty, System.StringComparison.Ordinal);

    private static string Controller(string member) => $$"""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        public interface IOrderStore
        {
            Task SaveAsync();
        }

        [ApiController]
        [Route("orders")]
        public sealed class OrdersController : ControllerBase
        {
            {{MemberAttributes}}
            {{member}}
        }
        """;
}
