return Levy.Cli.LevyCli.Run(args, Console.Out, Console.Error);
