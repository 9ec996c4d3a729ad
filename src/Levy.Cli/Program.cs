return Levy.Cli.LevyCli.RunProcess(args);
