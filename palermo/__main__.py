from palermo.cli import main

main()
