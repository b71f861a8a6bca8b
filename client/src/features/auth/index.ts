// Signing in.
export { LoginForm } from './components/login-form';
