import { NotFoundContent } from './route-error';

export const NotFoundRoute = () => <NotFoundContent />;
