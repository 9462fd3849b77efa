from wiec.manage import main

main()
