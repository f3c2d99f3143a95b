fn main() -> std::process::ExitCode {
    clausier::cli::main()
}
