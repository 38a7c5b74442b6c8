using Gatehouse.LoadTests;

return await LoadTestCommand.RunAsync(args, Console.Out, Console.Error);
