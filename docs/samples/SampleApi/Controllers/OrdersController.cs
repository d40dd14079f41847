// Controllers. A line that makes a mistake ends with a comment naming the rule that reports it;
// tests/ErrorLint.PackageTests checks that exactly those lines get a warning.
using Microsoft.AspNetCore.Mvc;

namespace SampleApi.Controllers;

[ApiController]
[Route("orders")]
public sealed class OrdersController(Store store) : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id)
    {
        var order = store.FindOrder(id);
        if (order is null)
        {
            return Ok(new { error = "Order not found" }); // EL0001: the client sees 200 OK
        }

        return Ok(order);
    }

    // Correct: a failure answered with problem details and a 4xx status.
    [HttpGet("{id:int}/total")]
    public IActionResult GetTotal(int id)
    {
        var order = store.FindOrder(id);
        if (order is null)
        {
            return Problem(detail: "Order not found", statusCode: StatusCodes.Status404NotFound);
        }

        return Ok(order.Total);
    }

    // Correct: a success message is not an error body.
    [HttpDelete("{id:int}")]
    public IActionResult Delete(int id)
        => store.RemoveOrder(id) ? Ok(new { message = "Deleted" }) : NotFound();
}
