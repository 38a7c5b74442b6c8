using Gatehouse.LoadTests.Commands;

return await LoadTestCommand.RunAsync(args, Console.Out, Console.Error);
