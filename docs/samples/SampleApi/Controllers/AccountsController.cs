// Controllers. A line that makes a mistake ends with a comment naming the rule that reports it;
// tests/ErrorLint.PackageTests checks that exactly those lines get a warning.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SampleApi.Controllers;

[ApiController]
[Authorize]
[Route("accounts")]
public sealed class AccountsController(Store store, ILogger<AccountsController> logger) : ControllerBase
{
    [HttpDelete("{id:int}")]
    public IActionResult Close(int id)
    {
        if (!User.IsInRole("Admin"))
        {
            return Unauthorized(); // EL0004: the user is signed in, so the answer is 403 (Forbid)
        }

        return store.RemoveOrder(id) ? NoContent() : NotFound();
    }

    [HttpPost("{id:int}/lock")]
    public IActionResult Lock(int id)
    {
        if (!User.IsInRole("Admin"))
        {
            return Forbid("Only administrators can lock accounts"); // EL0006: a sentence where a scheme name goes; throws at run time
        }

        return NoContent();
    }

    [AllowAnonymous]
    [HttpGet("me")]
    public IActionResult Me()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Forbid(); // EL0005: nobody is signed in, so the answer is 401 (Challenge)
        }

        return Ok(new { name = User.Identity.Name });
    }

    [HttpPost]
    public IActionResult Open(string owner)
    {
        if (!ModelState.IsValid)
        {
            return Problem(); // EL0002: invalid input answered with 500
        }

        return NoContent();
    }

    [HttpGet("{id:int}/statement")]
    public IActionResult Statement(int id)
    {
        try
        {
            return Ok(store.FindOrder(id));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Statement {Id} failed", id);
            return StatusCode(500, new { trace = ex.StackTrace }); // EL0009: the stack trace goes to the client
        }
    }

    [HttpGet("{id:int}/rates")]
    public async Task<IActionResult> Rates(int id, [FromServices] IHttpClientFactory clients)
    {
        try
        {
            return Ok(await clients.CreateClient().GetStringAsync($"https://rates.example/{id}"));
        }
        catch (HttpRequestException ex)
        {
            return Problem(detail: ex.Message, statusCode: StatusCodes.Status502BadGateway); // EL0010: the dependency's message, host names included
        }
    }

    [HttpGet("{id:int}/history")]
    public IActionResult History(int id)
    {
        if (store.FindOrder(id) is null)
        {
            return NotFound(new ProblemDetails { Status = 400, Title = "No such account" }); // EL0013: the body says 400, the response 404
        }

        return StatusCode(StatusCodes.Status503ServiceUnavailable); // EL0007: when should the client come back?
    }

    // Correct: a denied permission answered with 403, an unavailable service with Retry-After.
    [HttpGet("{id:int}/export")]
    public IActionResult Export(int id)
    {
        if (!User.IsInRole("Auditor"))
        {
            return Forbid();
        }

        Response.Headers.RetryAfter = "120";
        return StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
