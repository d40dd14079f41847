using System.Threading.Tasks;
using ErrorLint.Rules;
using ErrorLint.Tests.Verification;

namespace ErrorLint.Tests.Model;

/// <summary>
/// The rules read a member's operations from one shared walk of its operation blocks. A member can have several
/// blocks (a body and default parameter values, a constructor initializer and body), attributes among them, and a
/// field initializer is a block of its own: responses are found in each of them, once.
/// </summary>
public sealed class MemberBlocksTests
{
    [Fact]
    public Task Response_in_a_method_with_default_parameter_values_is_reported() => AnalyzerVerifier<ErrorBodyWithSuccessStatusAnalyzer>.VerifyAnalyzerAsync(
        """
        using System.Threading;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet("{id}")]
            [ProducesResponseType(200)]
            public IActionResult Get(int id, string? view = "full", CancellationToken cancellationToken = default)
            {
                if (id <= 0)
                {
                    return [|Ok(new { error = "Order not found" })|];
                }

                return Ok(new { id, view });
            }
        }
        """);

    [Fact]
    public Task Responses_in_a_field_initializer_and_a_constructor_are_reported() => AnalyzerVerifier<ErrorBodyWithSuccessStatusAnalyzer>.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Http;

        public class ResponseCatalog
        {
            public ResponseCatalog(IResult fallback)
            {
                Fallback = fallback;
            }

            public IResult Fallback { get; }
        }

        public sealed class Defaults : ResponseCatalog
        {
            private static readonly IResult Failed = [|Results.Ok(new { success = false, error = "Not available" })|];

            public Defaults(int limit = 10)
                : base([|Results.Ok(new { error = "Limit reached" })|])
            {
                Limit = limit;
            }

            public int Limit { get; }

            public IResult Current => Failed;
        }
        """);

    [Fact]
    public Task Exception_held_in_one_block_of_a_member_is_followed() => AnalyzerVerifier<ExceptionDetailsInResponseAnalyzer>.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class ReportsController : ControllerBase
        {
            [HttpGet]
            public IActionResult Export(string format = "csv")
            {
                try
                {
                    return Ok(format);
                }
                catch (Exception ex)
                {
                    return Problem(detail: [|ex.ToString()|]);
                }
            }
        }
        """);

    [Fact]
    public Task Member_without_exception_value_and_an_error_message_constant_is_not_reported() => AnalyzerVerifier<ExceptionDetailsInResponseAnalyzer>.VerifyAnalyzerAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class ReportsController : ControllerBase
        {
            private const string StackTrace = "unavailable";

            [HttpGet]
            public IActionResult Export(string format = "csv")
                => Problem(detail: StackTrace + format);
        }
        """);
}
