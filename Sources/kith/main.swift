import KithCLI
KithCLI.main()
