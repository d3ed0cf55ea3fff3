from policylint.launch import main

main()
