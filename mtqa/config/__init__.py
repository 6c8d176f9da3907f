"""Settings: configuration files and options, project data, baselines, severity overrides."""
