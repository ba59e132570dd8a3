from debtcoach.cli import main

main()
