// The team board: `dotnet run --project samples/TeamBoard`, then open the URL it prints.
// Two instances over one Redis: see the README ("Two instances").
await TeamBoard.TeamBoardApp.Create(args).RunAsync();
