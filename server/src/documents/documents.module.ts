import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';

@Module({ imports: [CasesModule], controllers: [], providers: [] })
export class DocumentsModule {}
