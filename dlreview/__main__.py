from dlreview.cli import main

main()
